import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import { countLines, csvBatches, readCsvHeader, type CsvBatch } from './csv-stream.ts';

function scan(content: string | Buffer, batchSize = 3): CsvBatch {
  const all: CsvBatch = { rows: [], bad: [] };
  for (const b of csvBatches({ name: 't.csv', content }, batchSize)) {
    expect(b.rows.length + b.bad.length).toBeLessThanOrEqual(batchSize);
    all.rows.push(...b.rows);
    all.bad.push(...b.bad);
  }
  return all;
}

describe('csvBatches', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a,b\n\n1,2\n\n',
      [
        [1, ['a', 'b']],
        [3, ['1', '2']],
      ],
    ],
    [
      '\uFEFFa,b\n1,',
      [
        [1, ['a', 'b']],
        [2, ['1', '']],
      ],
    ],
    [
      'a\n"x, y",2\n',
      [
        [1, ['a']],
        [2, ['x, y', '2']],
      ],
    ],
    [
      'a\n"say ""hi""",2\n',
      [
        [1, ['a']],
        [2, ['say "hi"', '2']],
      ],
    ],
    [
      'a\n"two\nlines",2\n3,4\n',
      [
        [1, ['a']],
        [2, ['two\nlines', '2']],
        [4, ['3', '4']],
      ],
    ],
    [
      'a\n"",""\n',
      [
        [1, ['a']],
        [2, ['', '']],
      ],
    ],
    [
      'a\n1,"q"\r\n2,3',
      [
        [1, ['a']],
        [2, ['1', 'q']],
        [3, ['2', '3']],
      ],
    ],
    [
      'a\n1,"q"',
      [
        [1, ['a']],
        [2, ['1', 'q']],
      ],
    ],
  ] as [string, [number, string[]][]][])('%j', (text, expected) => {
    const { rows, bad } = scan(text);
    expect(bad).toEqual([]);
    expect(rows.map((r) => [r.line, r.cells])).toEqual(expected);
  });

  it.each([
    ['a\nx"y,2\n3,4\n', 2, /quote .* must be in a quoted cell/],
    ['a\n"x"y,2\n3,4\n', 2, /text follows a closing quote/],
    ['a\n1,2\n"open,2\n', 3, /not closed before the end of the file/],
  ])('reports a bad record in %j on line %i and goes on', (text, line, reason) => {
    const { rows, bad } = scan(text);
    expect(bad).toEqual([{ line, reason: expect.stringMatching(reason) }]);
    if (line === 2) expect(rows.at(-1)).toEqual({ line: 3, cells: ['3', '4'] });
  });

  it('reads records across slices, with quotes and multi-byte characters on the boundary', () => {
    const rows: string[] = ['h1,h2'];
    let size = 6;
    let i = 0;
    while (size < 9 << 20) {
      const row = i % 3 === 0 ? `"Ynys Môn, ""quoted""",${i}` : i % 3 === 1 ? `Bryn—€,"multi\nline ${i}"` : `plain,${i}`;
      rows.push(row);
      size += Buffer.byteLength(row) + 1;
      i++;
    }
    const { rows: got, bad } = scan(Buffer.from(rows.join('\n') + '\n'), 100_000);
    expect(bad).toEqual([]);
    expect(got.length).toBe(i + 1);
    let line = 2;
    for (let k = 0; k < i; k++) {
      const r = got[k + 1]!;
      expect(r.line).toBe(line);
      const expected =
        k % 3 === 0 ? ['Ynys Môn, "quoted"', String(k)] : k % 3 === 1 ? ['Bryn—€', `multi\nline ${k}`] : ['plain', String(k)];
      expect(r.cells).toEqual(expected);
      line += k % 3 === 1 ? 2 : 1;
    }
  });

  it('refuses bytes that are not UTF-8, naming a line', () => {
    const content = Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0xff, 0x2c, 0x33, 0x0a])]);
    expect(() => scan(content)).toThrow(ValidationError);
    try {
      scan(content);
    } catch (e) {
      // the platform's decodeUtf8 names the line within 4 bytes of the bad one
      expect((e as ValidationError).details[0]?.line).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('countLines and readCsvHeader', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\nb\n', 2],
  ])('%j has %i lines', (text, n) => {
    expect(countLines({ name: 'x', content: text })).toBe(n);
    expect(countLines({ name: 'x', content: Buffer.from(text) })).toBe(n);
  });

  it('reads the header, trimmed', () => {
    expect(readCsvHeader({ name: 'x', content: Buffer.from('\uFEFF indicator ,"area",period\r\n1,2,3\n') })).toEqual([
      'indicator',
      'area',
      'period',
    ]);
    expect(readCsvHeader({ name: 'x', content: '' })).toBeUndefined();
  });
});
