import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { decodeUtf8, isJsonFile, readCsv, readJson } from './files.ts';

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

describe('readCsv', () => {
  it('gives each record its line number, a BOM stripped', () => {
    const t = readCsv({ name: 'a.csv', content: '\uFEFFa,b\n1,2\n\n3,"x\ny"\n' });
    expect(t.columns).toEqual(['a', 'b']);
    expect(t.records).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 5, values: { a: '3', b: 'x\ny' } },
    ]);
  });

  it('names the line of a record with the wrong number of fields', () => {
    expect(problemsOf(() => readCsv({ name: 'a.csv', content: 'a,b\n1,2\n3\n' }))[0]).toMatchObject({ line: 3 });
  });

  it('names missing required columns', () => {
    expect(problemsOf(() => readCsv({ name: 'a.csv', content: 'a,c\n1,2\n' }, ['a', 'b']))).toEqual([
      { line: 1, field: 'b', reason: 'required column is missing from the header' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(problemsOf(() => readCsv({ name: 'a.csv', content: '' }))[0]?.reason).toMatch(/no header/);
  });
});

describe('decodeUtf8', () => {
  it('refuses malformed UTF-8 and says where', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const [p] = problemsOf(() => decodeUtf8({ name: 'x.csv', content: bytes }));
    expect(p).toMatchObject({ line: 3 });
    expect(p?.reason).toMatch(/invalid UTF-8/);
  });

  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it.each([
    ['é saved as Latin-1, then a space', bytes('code,name\nA,Caf', [0xe9], ' x\n'), 2, 15],
    ['é saved as Latin-1 at the end of a line', bytes('code,name\nA,Caf', [0xe9], '\nB,y\n'), 2, 15],
    ['a lone continuation byte', bytes('code,name\n', [0x80], 'A,x\n'), 2, 10],
    ['an overlong "/"', bytes('ab\ncd', [0xc0, 0xaf]), 2, 5],
    ['a surrogate', bytes('ab', [0xed, 0xa0, 0x80]), 1, 2],
    ['a character cut short by the end of the file', bytes('a\nb', [0xe2, 0x82]), 2, 3],
    ['a lone continuation byte after a whole €', bytes('a€', [0x80]), 1, 4],
  ])('names the first byte of %s', (_what, content, line, offset) => {
    const [p] = problemsOf(() => decodeUtf8({ name: 'x.csv', content }));
    expect(p).toMatchObject({ line, reason: expect.stringContaining(`at byte ${offset};`) });
  });

  it.each([
    ['little-endian', 'utf16le' as const, [0xff, 0xfe]],
    ['big-endian', 'utf16le' as const, [0xfe, 0xff]],
  ])('says a %s UTF-16 file is UTF-16', (_what, encoding, mark) => {
    const content = Buffer.concat([Buffer.from(mark), Buffer.from('code,name\n', encoding)]);
    const [p] = problemsOf(() => decodeUtf8({ name: 'x.csv', content }));
    expect(p).toMatchObject({ line: 1, reason: expect.stringMatching(/UTF-16.*save it as UTF-8/) });
  });

  it('accepts multi-byte characters', () => {
    expect(decodeUtf8({ name: 'x', content: Buffer.from('Ynys Môn – £5') })).toBe('Ynys Môn – £5');
  });
});

describe('readJson', () => {
  it('names the line of a syntax error', () => {
    const [p] = problemsOf(() => readJson({ name: 'x.json', content: '{\n "a": 1,\n "b": }\n' }));
    expect(p?.line).toBe(3);
  });
});

describe('isJsonFile', () => {
  it.each([
    ['a.json', 'x', true],
    ['a.geojson', 'x', true],
    ['a.csv', '{', false],
    ['upload', ' [1]', true],
    ['upload', 'a,b', false],
  ])('%s starting %j is JSON: %s', (name, content, expected) => {
    expect(isJsonFile({ name, content })).toBe(expected);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['[1, 2,]', 6],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['"abc', 4],
    ['[1] x', 4],
  ])('%j fails at %i', async (text, at) => {
    const { jsonErrorOffset } = await import('./json-error.ts');
    expect(jsonErrorOffset(text)).toBe(at);
  });
});

describe('decodeUtf8 line numbers', () => {
  it('names the line of a bad byte at the start of a line', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0xc3, 0x28]), Buffer.from(',3\n')]);
    const [p] = problemsOf(() => decodeUtf8({ name: 'x.csv', content: bytes }));
    expect(p).toMatchObject({ line: 3 });
    expect(p?.reason).toMatch(/at byte 8;/); // 0xC3 opens a character that 0x28 breaks: the sequence starts at 0xC3
  });
});
