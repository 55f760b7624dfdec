import { describe, expect, it } from 'vitest';
import type { BodyRow } from '../../platform/db/schema.ts';
import { assignBodyIds, fileRefs, resolveRef } from './body-resolve.ts';
import { type RecordedBodies, type ResolvedBody, planBodyChanges } from './body-plan.ts';
import type { BodyRecord } from './readers/body-file.ts';

const council = (line: number, code: string, proposedId: string): BodyRecord => ({
  line,
  proposedId,
  identifiers: [{ scheme: 'mysociety-la', identifier: code }],
  facts: { name: `${code} Council`, kind: 'council' },
});

type IdCase = [string, BodyRecord[], [string, string][], string[], string[], number];

describe('assignBodyIds', () => {
  it.each<IdCase>([
    ['a new council gets its proposed id', [council(2, 'TRF', 'trafford-council')], [], [], ['trafford-council'], 0],
    [
      'a known council keeps its id',
      [council(2, 'TRF', 'trafford-council')],
      [['mysociety-la:TRF', 'trafford-mbc']],
      [],
      ['trafford-mbc'],
      0,
    ],
    [
      'a taken id gets the code appended',
      [council(2, 'TRF', 'trafford-council')],
      [],
      ['trafford-council'],
      ['trafford-council-trf'],
      0,
    ],
    [
      'two rows proposing one id',
      [council(2, 'NIR-A', 'derry-council'), council(3, 'DRS', 'derry-council')],
      [],
      [],
      ['derry-council', 'derry-council-drs'],
      0,
    ],
    [
      'a given id repeated',
      [
        { ...council(2, 'A', 'a'), id: 'x' },
        { ...council(3, 'B', 'b'), id: 'x' },
      ],
      [],
      [],
      ['x', 'x'],
      1,
    ],
  ])('%s', (_what, records, known, recorded, ids, problemCount) => {
    const found = assignBodyIds(records, new Map(known), new Set(recorded));
    expect(found.ids).toEqual(ids);
    expect(found.problems).toHaveLength(problemCount);
  });

  it('resolves references in the file first, then recorded bodies', () => {
    const refs = fileRefs([council(2, 'TRF', 'x')], ['trafford-council']);
    const recorded = new Set(['kent-county-council']);
    const byIdentifier = new Map([['mysociety-la:KEN', 'kent-county-council']]);
    expect(resolveRef({ scheme: 'mysociety-la', identifier: 'TRF' }, refs, recorded, byIdentifier)).toBe('trafford-council');
    expect(resolveRef({ id: 'kent-county-council' }, refs, recorded, byIdentifier)).toBe('kent-county-council');
    expect(resolveRef({ scheme: 'mysociety-la', identifier: 'KEN' }, refs, recorded, byIdentifier)).toBe('kent-county-council');
    expect(resolveRef({ id: 'nobody' }, refs, recorded, byIdentifier)).toBeUndefined();
  });
});

describe('planBodyChanges', () => {
  const row: BodyRow = {
    id: 'lsp',
    name: 'LSP',
    kind: 'lsp',
    council_type: null,
    short_name: null,
    valid_from: null,
    valid_to: null,
    replaced_by: null,
    website: null,
    source: 'x',
  };
  const lsp = (more: Partial<BodyRecord> = {}): ResolvedBody => ({
    id: 'lsp',
    record: { line: 2, identifiers: [], facts: { name: 'LSP', kind: 'lsp' }, ...more },
  });
  const recorded = (more: Partial<RecordedBodies> = {}): RecordedBodies => ({
    bodies: new Map([['lsp', row]]),
    identifiers: [],
    areas: [],
    memberships: [],
    ...more,
  });
  const area = (code: string, role = 'serves') => ({
    body_id: 'lsp',
    area_code: code,
    role,
    tier: null,
    valid_from: null,
    valid_to: null,
  });
  const member = (id: string, role: string | null = null) => ({
    body_id: 'lsp',
    member_body_id: id,
    role,
    valid_from: null,
    valid_to: null,
  });
  const areaRecord = (code: string, role = 'serves') => ({ field: 'a', code, role, tier: null, validFrom: null, validTo: null });

  it.each([
    ['nothing changed', lsp(), recorded(), {}],
    ['a new website', lsp({ facts: { name: 'LSP', kind: 'lsp', website: 'https://x.org' } }), recorded(), { updateBodies: 1 }],
    ['a new body', { ...lsp(), id: 'new' }, recorded(), { insertBodies: 1 }],
    [
      'an area added and one dropped',
      lsp({ areas: [areaRecord('A')], areaRoles: 'all' }),
      recorded({ areas: [area('B')] }),
      { insertAreas: 1, deleteAreas: 1 },
    ],
    [
      'an area of another role kept',
      lsp({ areas: [areaRecord('A', 'governs')], areaRoles: ['governs'] }),
      recorded({ areas: [area('A', 'governs'), area('B')] }),
      {},
    ],
    ['a new identifier', lsp({ identifiers: [{ scheme: 's', identifier: 'L' }] }), recorded(), { insertIdentifiers: 1 }],
  ])('%s', (_what, body, state, counts) => {
    const plan = planBodyChanges([body], state, 'file');
    const sizes = Object.fromEntries(
      Object.entries(plan)
        .filter(([, v]) => Array.isArray(v) && v.length > 0)
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    expect(sizes).toEqual(counts);
    expect(plan.writtenLines.size).toBe(Object.keys(counts).length > 0 ? 1 : 0);
  });

  it.each([
    ['the same members', [member('a', 'chair')], [member('a', 'chair')], {}],
    ['a changed role', [member('a', 'member')], [member('a', 'chair')], { updateMemberships: 1 }],
    ['a member replaced', [member('b')], [member('a')], { insertMemberships: 1, deleteMemberships: 1 }],
  ])('members: %s', (_what, wanted, had, counts) => {
    const plan = planBodyChanges([{ ...lsp(), members: wanted }], recorded({ memberships: had }), 'file');
    const sizes = Object.fromEntries(
      Object.entries(plan)
        .filter(([, v]) => Array.isArray(v) && v.length > 0)
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    expect(sizes).toEqual(counts);
  });
});
