import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { demoPartnershipFile, importRealAreas, seedCouncils, testClock } from '../../../test/support/places-factories.ts';
import { exportBodies, importBodyFile, listMembers } from './index.ts';

const opts = { clock: testClock() };

describe('exporting bodies', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await seedCouncils(h.db);
    await importBodyFile(h.db, demoPartnershipFile(), opts);
  });
  afterAll(() => h.close());

  it.each(['csv', 'json'] as const)('as %s, which imports unchanged into the same database', async (format) => {
    const exported = await exportBodies(h.db, { format });
    const summary = await importBodyFile(h.db, { name: `bodies.${format}`, content: exported }, opts);
    expect(summary).toMatchObject({ rowsRead: 476, rowsWritten: 0, rowsUnchanged: 476 });
  });

  it.each(['csv', 'json'] as const)('as %s, which round-trips through a fresh database', async (format) => {
    const exported = await exportBodies(h.db, { format });
    const copy = await freshDatabase();
    try {
      await importRealAreas(copy.db, ['localAuthorities']);
      expect(await importBodyFile(copy.db, { name: `bodies.${format}`, content: exported }, opts)).toMatchObject({
        rowsWritten: 476,
      });
      expect(await exportBodies(copy.db, { format })).toBe(exported);
      expect((await listMembers(copy.db, 'trafford-partnership')).total).toBe(6);
    } finally {
      await copy.close();
    }
  });

  it('exports one kind in the documented CSV columns', async () => {
    const csv = await exportBodies(h.db, { format: 'csv', kind: 'lsp' });
    expect(csv.split('\n')[0]).toBe(
      'id,name,kind,short_name,council_type,website,valid_from,valid_to,replaced_by,identifiers,areas,members',
    );
    expect(csv).toContain(
      'trafford-partnership,Trafford Partnership,lsp,Trafford Partnership,,,,,,,E08000009:governs,greater-manchester-fire-and-rescue-service:partner;',
    );
    await expect(exportBodies(h.db, { format: 'csv', kind: 'club' })).rejects.toBeInstanceOf(ValidationError);
  });
});
