import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  bodiesJson,
  bodiesTableCounts,
  demoPartnershipFile,
  seedCouncils,
  testClock,
} from '../../../test/support/places-factories.ts';
import { councilsForArea, getBody, getBodyAreas, importBodyFile, listBodies, listMembers, listMemberships } from './index.ts';

const opts = { clock: testClock() };

describe('partnerships in the bodies format', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await seedCouncils(h.db);
  });
  afterAll(() => h.close());

  it('imports the demo Trafford Partnership with its members', async () => {
    const summary = await importBodyFile(h.db, demoPartnershipFile(), opts);
    expect(summary).toMatchObject({ reader: 'generic-body-json', rowsRead: 6, rowsWritten: 6 });
    expect(await getBody(h.db, 'trafford-partnership')).toMatchObject({ name: 'Trafford Partnership', kind: 'lsp' });
    expect(await getBodyAreas(h.db, 'trafford-partnership')).toEqual([
      { areaCode: 'E08000009', role: 'governs', tier: null, validFrom: null, validTo: null },
    ]);
    const members = await listMembers(h.db, 'trafford-partnership');
    expect(members.total).toBe(6);
    expect(members.items.map((m) => [m.body.id, m.role])).toContainEqual(['trafford-council', 'accountable body']);
    expect((await listMemberships(h.db, 'trafford-council')).items.map((m) => m.body.id)).toEqual(['trafford-partnership']);
    expect((await listBodies(h.db, { kind: 'partner', limit: 10, offset: 0 })).total).toBe(5);
  });

  it('does not count a partnership as a council over its area', async () => {
    expect((await councilsForArea(h.db, 'E08000009')).map((c) => c.id)).toEqual([
      'trafford-council',
      'greater-manchester-combined-authority',
    ]);
  });

  it('changes nothing when imported again', async () => {
    const before = await bodiesTableCounts(h.db);
    expect(await importBodyFile(h.db, demoPartnershipFile(), opts)).toMatchObject({ rowsWritten: 0, rowsUnchanged: 6 });
    expect(await bodiesTableCounts(h.db)).toEqual(before);
  });

  it('replaces a partnership’s members with the file’s', async () => {
    const file = bodiesJson([
      {
        id: 'trafford-partnership',
        name: 'Trafford Partnership',
        kind: 'lsp',
        members: [{ body: 'trafford-council', role: 'chair' }, { body: 'greater-manchester-police' }],
      },
    ]);
    expect(await importBodyFile(h.db, file, opts)).toMatchObject({ rowsWritten: 1 });
    expect((await listMembers(h.db, 'trafford-partnership')).items.map((m) => [m.body.id, m.role])).toEqual([
      ['greater-manchester-police', null],
      ['trafford-council', 'chair'],
    ]);
    expect(await getBodyAreas(h.db, 'trafford-partnership')).toHaveLength(1);
  });

  it('refuses a file with an unknown area or member, naming entry and field, and changes nothing', async () => {
    const before = await bodiesTableCounts(h.db);
    const file = bodiesJson([
      {
        id: 'sale-forum',
        name: 'Sale Neighbourhood Forum',
        kind: 'neighbourhood_body',
        areas: [{ code: 'E08000009', role: 'serves' }],
      },
      {
        id: 'west-forum',
        name: 'West Forum',
        kind: 'neighbourhood_body',
        areas: [{ code: 'E05999999', role: 'serves' }],
        members: [{ body: 'sale-forum' }, { body: 'no-such-body' }],
      },
      { id: 'Bad Id', name: 'X', kind: 'club' },
    ]);
    const refused = await importBodyFile(h.db, file, opts).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details.map((d) => [d.field, d.value])).toEqual([
      ['bodies[2].id', 'Bad Id'],
      ['bodies[2].kind', 'club'],
      ['bodies[1].members[1].body', 'no-such-body'],
      ['bodies[1].areas[0].code', 'E05999999'],
    ]);
    expect(await bodiesTableCounts(h.db)).toEqual(before);
  });

  it('reads the CSV form', async () => {
    const csv =
      'id,name,kind,website,areas,members\ntrafford-lsp-board,Trafford LSP Board,lsp,https://example.org,E08000009:governs,trafford-council:member;thrive-trafford\n';
    expect(await importBodyFile(h.db, { name: 'b.csv', content: csv }, opts)).toMatchObject({
      reader: 'generic-body-csv',
      rowsWritten: 1,
    });
    expect((await listMembers(h.db, 'trafford-lsp-board')).items.map((m) => [m.body.id, m.role])).toEqual([
      ['thrive-trafford', null],
      ['trafford-council', 'member'],
    ]);
  });
});
