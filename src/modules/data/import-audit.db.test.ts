import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import { systemActor } from '../accounts/index.ts';
import { listAuditEvents } from '../audit/index.ts';
import { importObservationRows, importObservations, listImportBatches } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');

beforeEach(async () => {
  handle = await freshDatabase();
  await saveTestIndicators(handle.db, { code: 'REC' });
  await insertAreas(handle.db, ['E08000009', 'E08000003']);
});
afterEach(async () => {
  await handle.close();
});

const file = (value: string) =>
  tidyCsv('rec.csv', [
    TIDY_HEADER,
    ['REC', 'E08000009', '2015/16', value, '', '', '', '', '', ''],
    ['REC', 'E08000003', '2015/16', '40.1', '', '', '', '', '', ''],
  ]);

const importEvents = async () => (await listAuditEvents(handle.db, { action: 'observations.import' })).items;

describe('imports in the audit log', () => {
  it('records each import that changed something, as the command line unless another actor is given', async () => {
    await importObservations(handle.db, file('60.4'), { clock });
    const [first] = await importEvents();
    const [batch] = (await listImportBatches(handle.db, { limit: 1, offset: 0 })).items;
    expect(first).toMatchObject({
      actorLabel: 'command line',
      viaKind: 'cli',
      subjectKind: 'import_batch',
      subjectId: String(batch!.id),
      after: { fileName: 'rec.csv', reader: 'tidy-csv', rowsWritten: 2, rowsUnchanged: 0 },
      summary: 'Imported rec.csv (tidy-csv): 2 figures written, 0 unchanged',
    });
    expect(batch!.actor).toBe('command line');

    await importObservations(handle.db, file('60.4'), { clock });
    expect(await importEvents()).toHaveLength(1);

    await importObservations(handle.db, file('61.0'), {
      clock,
      actor: systemActor('demo loader'),
      sourceBodyId: 'trafford-council',
    });
    const [latest] = await importEvents();
    expect(latest).toMatchObject({
      actorLabel: 'demo loader',
      viaKind: 'system',
      bodyId: 'trafford-council',
      after: { rowsWritten: 1, rowsUnchanged: 1 },
    });
  });

  it('records rows imported from code too, naming the indicator when the import is for one', async () => {
    await importObservationRows(handle.db, [{ indicator: undefined, area: 'E08000009', period: '2016/17', value: 61 }], {
      clock,
      indicator: 'REC',
      name: 'generated',
    });
    expect(await importEvents()).toEqual([
      expect.objectContaining({ indicatorCode: 'REC', summary: 'Imported generated (tidy-rows): 1 figure written, 0 unchanged' }),
    ]);
  });

  it('records nothing for a refused file', async () => {
    await expect(importObservations(handle.db, file('abc'), { clock })).rejects.toThrow();
    expect(await importEvents()).toEqual([]);
  });
});
