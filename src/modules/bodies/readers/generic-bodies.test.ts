import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/files.ts';
import { readGenericBodyCsv, readGenericBodyJson } from './generic-bodies.ts';

const json = (...bodies: unknown[]) => readGenericBodyJson({ bodies }, 'b.json');

describe('reading the bodies JSON format', () => {
  it('reads a partnership with areas and members', () => {
    const content = json({
      id: 'trafford-partnership',
      name: 'Trafford Partnership',
      kind: 'lsp',
      website: 'https://example.org',
      areas: [{ code: 'E08000009', role: 'governs' }],
      members: [{ body: 'trafford-council', role: 'member' }],
      note: 'example',
    });
    expect(content.problems).toEqual([]);
    expect(content.bodies[0]).toEqual({
      line: 1,
      path: 'bodies[0].',
      id: 'trafford-partnership',
      identifiers: [],
      facts: { name: 'Trafford Partnership', kind: 'lsp', website: 'https://example.org' },
      areas: [{ field: 'areas[0].code', code: 'E08000009', role: 'governs', tier: null, validFrom: null, validTo: null }],
      areaRoles: 'all',
      members: [{ field: 'members[0].body', body: { id: 'trafford-council' }, role: 'member', validFrom: null, validTo: null }],
    });
  });

  it('defaults an area role to serves and leaves unstated areas and members alone', () => {
    const content = json(
      { id: 'gmp', name: 'GMP', kind: 'partner', areas: [{ code: 'E47000001' }] },
      { id: 'x', name: 'X', kind: 'partner' },
    );
    expect(content.bodies[0]?.areas?.[0]?.role).toBe('serves');
    expect(content.bodies[1]).not.toHaveProperty('areas');
    expect(content.bodies[1]).not.toHaveProperty('members');
  });

  it.each([
    [{ name: 'X', kind: 'partner' }, 'bodies[0].id', undefined],
    [{ id: 'Trafford Partnership', name: 'X', kind: 'partner' }, 'bodies[0].id', 'Trafford Partnership'],
    [{ id: 'x', name: 'X', kind: 'club' }, 'bodies[0].kind', 'club'],
    [{ id: 'x', name: 'X', kind: 'partner', website: 'www.example.org' }, 'bodies[0].website', 'www.example.org'],
    [{ id: 'x', name: 'X', kind: 'partner', valid_from: '2024-02-30x' }, 'bodies[0].valid_from', '2024-02-30x'],
    [{ id: 'x', name: 'X', kind: 'partner', areas: 'E08000009' }, 'bodies[0].areas', undefined],
    [{ id: 'x', name: 'X', kind: 'partner', areas: [{ role: 'serves' }] }, 'bodies[0].areas[0].code', undefined],
    [{ id: 'x', name: 'X', kind: 'partner', members: [{ body: 'y', rank: 1 }] }, 'bodies[0].members[0].rank', 'rank'],
    [{ id: 'x', name: 'X', kind: 'partner', memebers: [] }, 'bodies[0].memebers', 'memebers'],
  ])('refuses %j', (entry, field, value) => {
    const content = json(entry);
    expect(content.problems).toEqual([{ field, value, reason: expect.any(String) }]);
    expect(content.bodies).toEqual([]);
  });
});

describe('reading the bodies CSV format', () => {
  it('reads areas as code:role:tier and members as body:role', () => {
    const content = readGenericBodyCsv(
      readCsv({
        name: 'b.csv',
        content:
          'id,name,kind,areas,members\nsale-forum,Sale Forum,neighbourhood_body,E05015250:serves;E05015251,trafford-council:sponsor\n',
      }),
      'b.csv',
    );
    expect(content.problems).toEqual([]);
    expect(content.bodies[0]?.areas?.map((a) => [a.code, a.role])).toEqual([
      ['E05015250', 'serves'],
      ['E05015251', 'serves'],
    ]);
    expect(content.bodies[0]?.members?.map((m) => [m.body, m.role])).toEqual([[{ id: 'trafford-council' }, 'sponsor']]);
  });

  it('names the line of a bad row', () => {
    const content = readGenericBodyCsv(
      readCsv({ name: 'b.csv', content: 'id,name,kind\nok,OK,partner\nbad,Bad,club\n' }),
      'b.csv',
    );
    expect(content.problems).toEqual([{ line: 3, field: 'kind', value: 'club', reason: expect.any(String) }]);
    expect(content.bodies.map((b) => b.id)).toEqual(['ok']);
  });
});
