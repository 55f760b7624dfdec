import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { ImportSummary } from '../../platform/import-summary.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { importRealAreas } from '../../../test/support/places-factories.ts';
import { getParents, getPredecessors, getSuccessors } from './index.ts';

describe('importing the ONS local authority changes', () => {
  let h: DatabaseHandle;
  let summary: ImportSummary;
  beforeAll(async () => {
    h = await freshDatabase();
    summary = (await importRealAreas(h.db, ['localAuthorities', 'laChanges']))[1]!;
  });
  afterAll(() => h.close());

  it('records mergers and new codes as successions from 1 April', async () => {
    expect(await getSuccessors(h.db, 'E47000010')).toEqual([
      { code: 'E47000014', changeType: 'merger', effectiveDate: '2024-04-01' },
    ]);
    expect(await getSuccessors(h.db, 'E08000019')).toEqual([
      { code: 'E08000039', changeType: 'new_code', effectiveDate: '2025-04-01' },
    ]);
  });

  it('keeps one succession per pair of codes, filling in a date the councils file lacked', async () => {
    // mySociety lists S12000015 as Fife's former code, without a date
    expect(await getPredecessors(h.db, 'S12000047')).toEqual([
      { code: 'S12000015', changeType: 'new_code', effectiveDate: '2018-04-01' },
    ]);
    expect(await getSuccessors(h.db, 'E07000004')).toEqual([
      { code: 'E06000060', changeType: 'merger', effectiveDate: '2020-04-01' },
    ]);
  });

  it('records joining a combined authority as a parent link, and skips unknown combined authorities', async () => {
    expect((await getParents(h.db, 'E06000014')).map((p) => p.code)).toContain('E47000012');
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { count: 6, reason: expect.stringContaining('termination') },
        { count: 3, reason: 'not recorded: E47000018 is not a known area' },
      ]),
    );
    expect(summary.rowsRead).toBe(79);
  });

  it('changes nothing when imported again', async () => {
    const [again] = await importRealAreas(h.db, ['laChanges']);
    expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: 68 });
  });
});
