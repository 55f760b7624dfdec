import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { getIndicators, listIndicators, listThemes, resolveIndicatorCode, saveIndicatorDefinitions } from './index.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshDatabase();
  await saveIndicatorDefinitions(
    h.db,
    [
      indicatorInput({
        code: 'NI192',
        title: 'Household waste recycled',
        aliases: [
          { scheme: 'NI', alias: '192' },
          { scheme: 'label', alias: 'Waste Reused/Recycled/Composted' },
        ],
      }),
      indicatorInput({
        code: 'ASC1',
        title: 'Carer quality of life',
        theme: 'adult social care',
        aliases: [{ scheme: 'oflog', alias: 'ASC1' }],
      }),
      indicatorInput({
        code: 'ASC2',
        title: 'Quality of life 100%_done',
        theme: 'adult social care',
        aliases: [
          { scheme: 'oflog', alias: 'ASC2' },
          { scheme: 'NI', alias: '999' },
        ],
      }),
      indicatorInput({ code: 'X9', title: 'Unthemed', theme: null, aliases: [{ scheme: 'BVPI', alias: '999' }] }),
    ],
    fixedClock('2024-01-01T00:00:00Z'),
  );
});
afterAll(async () => {
  await h.close();
});

describe('reading the catalogue', () => {
  it('gets several indicators as a map, skipping unknown codes', async () => {
    const map = await getIndicators(h.db, ['ASC1', 'NI192', 'NOPE']);
    expect([...map.keys()].sort()).toEqual(['ASC1', 'NI192']);
    expect(map.get('NI192')?.aliases).toEqual([
      { scheme: 'label', alias: 'Waste Reused/Recycled/Composted' },
      { scheme: 'NI', alias: '192' },
    ]);
  });

  it.each<[string, { q?: string; theme?: string }, string[], number]>([
    ['everything, by code', {}, ['ASC1', 'ASC2', 'NI192', 'X9'], 4],
    ['a code fragment', { q: 'asc' }, ['ASC1', 'ASC2'], 2],
    ['a title word', { q: 'RECYCLED' }, ['NI192'], 1],
    ['an alias', { q: 'composted' }, ['NI192'], 1],
    ['wildcards taken literally', { q: '%_' }, ['ASC2'], 1],
    ['a theme, ignoring case', { theme: 'adult social care' }, ['ASC1', 'ASC2'], 2],
    ['a query and a theme', { q: 'carer', theme: 'Adult Social Care' }, ['ASC1'], 1],
  ])('lists %s', async (_name, q, codes, total) => {
    const r = await listIndicators(h.db, { ...q, limit: 10, offset: 0 });
    expect(r.items.map((i) => i.code)).toEqual(codes);
    expect(r.total).toBe(total);
  });

  it('pages, keeping the total', async () => {
    const r = await listIndicators(h.db, { limit: 2, offset: 1 });
    expect(r.items.map((i) => i.code)).toEqual(['ASC2', 'NI192']);
    expect(r.total).toBe(4);
  });

  it('lists themes', async () => {
    expect(await listThemes(h.db)).toEqual(['adult social care', 'environment']);
  });

  it.each<[string, string | undefined, string | undefined]>([
    ['NI192', undefined, 'NI192'],
    ['ni192', undefined, 'NI192'],
    ['192', undefined, 'NI192'],
    ['192', 'NI', 'NI192'],
    ['192', 'ni', 'NI192'],
    ['192', 'BVPI', undefined],
    ['waste reused/recycled/composted', 'label', 'NI192'],
    ['ASC1', 'oflog', 'ASC1'],
    ['999', undefined, undefined],
    ['999', 'BVPI', 'X9'],
    ['nothing', undefined, undefined],
    ['', undefined, undefined],
  ])('resolves %j (scheme %s) to %s', async (text, scheme, code) => {
    expect(await resolveIndicatorCode(h.db, text, scheme)).toBe(code);
  });
});
