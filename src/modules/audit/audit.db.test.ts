import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase, testDialect } from '../../../test/support/database.ts';
import {
  AUDIT_EXPORT_COLUMNS,
  type AuditActor,
  type AuditEventInput,
  auditByPerson,
  auditForBody,
  auditForIndicator,
  auditForSubject,
  exportAuditEvents,
  listAuditEvents,
  recordAudit,
} from './index.ts';

const asha: AuditActor = { personId: 'p-asha', label: 'Asha Patel', via: { kind: 'session', id: 'a1b2c3d4e5f6' } };
const token: AuditActor = { personId: null, label: 'API token lv_ab12cd (Trafford uploads)', via: { kind: 'token', id: 't-1' } };
const clock = fixedClock('2025-06-01T09:00:00.000Z');

function event(action: string, change: Partial<AuditEventInput> = {}): AuditEventInput {
  return { actor: asha, action, subject: { kind: 'role_grant', id: 'g1' }, summary: `did ${action}`, ...change };
}

async function record(h: DatabaseHandle, e: AuditEventInput): Promise<number> {
  return h.db.transaction().execute((trx) => recordAudit(trx, e, clock));
}

describe('the audit log', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await record(h, event('role.grant', { bodyId: 'trafford-council', after: { role: 'performance_officer' } }));
    clock.advance(60_000);
    await record(
      h,
      event('role.revoke', { bodyId: 'trafford-council', before: { revokedAt: null }, after: { revokedAt: 'now' } }),
    );
    clock.set('2025-06-03T12:00:00.000Z');
    await record(
      h,
      event('observation.submit', {
        actor: token,
        bodyId: 'trafford-council',
        indicatorCode: 'NI192',
        areaCode: 'E08000009',
        subject: { kind: 'submission', id: 's1' },
      }),
    );
    await record(
      h,
      event('person.invite', { subject: { kind: 'person', id: 'p-sam' }, after: { email: 'sam@example.org', password: 'x' } }),
    );
  });
  afterAll(() => h.close());

  it('lists a body’s events newest first, events of the same instant latest first', async () => {
    const page = await auditForBody(h.db, 'trafford-council');
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.action)).toEqual(['observation.submit', 'role.revoke', 'role.grant']);
    expect(page.items[0]).toMatchObject({
      occurredAt: '2025-06-03T12:00:00.000Z',
      actorPersonId: null,
      actorLabel: 'API token lv_ab12cd (Trafford uploads)',
      viaKind: 'token',
      viaId: 't-1',
      indicatorCode: 'NI192',
      areaCode: 'E08000009',
      before: null,
      after: null,
    });
    expect(page.items[1]).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: 'now' } });
  });

  it('reads by indicator, by person who acted, and by subject', async () => {
    expect((await auditForIndicator(h.db, 'NI192')).items.map((e) => e.subjectId)).toEqual(['s1']);
    expect((await auditByPerson(h.db, 'p-asha')).total).toBe(3);
    const invited = await auditForSubject(h.db, { kind: 'person', id: 'p-sam' });
    expect(invited.items.map((e) => e.action)).toEqual(['person.invite']);
    expect(invited.items[0]?.after).toEqual({ email: 'sam@example.org', password: '[redacted]' });
  });

  it('filters by an action or its first word, and by dates', async () => {
    expect((await listAuditEvents(h.db, { action: 'role' })).total).toBe(2);
    expect((await listAuditEvents(h.db, { action: 'role.grant' })).total).toBe(1);
    expect((await listAuditEvents(h.db, { action: 'rol' })).total).toBe(0);
    expect((await auditForBody(h.db, 'trafford-council', { from: '2025-06-02' })).total).toBe(1);
    expect((await auditForBody(h.db, 'trafford-council', { to: '2025-06-01' })).total).toBe(2);
    expect((await auditForBody(h.db, 'trafford-council', { to: '2025-06-01T09:00:00Z' })).total).toBe(1);
  });

  it('pages', async () => {
    const second = await listAuditEvents(h.db, {}, { limit: 2, offset: 2 });
    expect(second.total).toBe(4);
    expect(second.items.map((e) => e.action)).toEqual(['role.revoke', 'role.grant']);
  });

  it('refuses a bad query with the field and reason', async () => {
    const refused = await listAuditEvents(h.db, { from: 'last week', action: 'role%' }, { limit: 0, offset: 0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details.map((d) => d.field)).toEqual(['from', 'action', 'limit']);
  });

  it('exports flat rows with the table’s columns', async () => {
    const rows = await exportAuditEvents(h.db, { bodyId: 'trafford-council', action: 'role' });
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!).sort()).toEqual([...AUDIT_EXPORT_COLUMNS].sort());
    expect(rows[1]).toMatchObject({ action: 'role.grant', after_json: '{"role":"performance_officer"}', via_kind: 'session' });
  });

  it('refuses to record outside a transaction, and a malformed event', async () => {
    await expect(recordAudit(h.db, event('role.grant'), clock)).rejects.toThrow(/inside the transaction/);
    await expect(record(h, event('Grant'))).rejects.toBeInstanceOf(ValidationError);
    expect((await listAuditEvents(h.db, {})).total).toBe(4);
  });

  it('is rolled back with the write it describes', async () => {
    await h.db
      .transaction()
      .execute(async (trx) => {
        await recordAudit(trx, event('role.grant'), clock);
        throw new Error('the write failed');
      })
      .catch(() => undefined);
    expect((await listAuditEvents(h.db, {})).total).toBe(4);
  });

  it(`refuses an update and a delete in the database itself (${testDialect()})`, async () => {
    await expect(h.db.updateTable('audit_event').set({ summary: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(h.db.deleteFrom('audit_event').where('action', '=', 'role.grant').execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(h.db)).rejects.toThrow(/append-only/);
    if (testDialect() === 'postgres') await expect(sql`truncate audit_event`.execute(h.db)).rejects.toThrow(/append-only/);
    expect((await listAuditEvents(h.db, {})).items.map((e) => e.summary)).not.toContain('rewritten');
    expect((await listAuditEvents(h.db, {})).total).toBe(4);
  });
});
