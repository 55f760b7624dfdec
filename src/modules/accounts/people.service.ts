/** People: the first administrator, invitations and their acceptance, listing and disabling. */
import { randomUUID } from 'node:crypto';
import { isoInstant } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import { audit, personSubject } from './accounts-audit.ts';
import { toPerson } from './accounts.mapper.ts';
import type { ClockDeps, GrantRequest, MailDeps, Page, Person, RoleGrant } from './accounts.types.ts';
import type { Actor } from './actor.ts';
import { addGrant, type CheckedGrant, checkGrantRequest, refuseLosingLastAdministrator } from './grants.service.ts';
import { invitationMessage } from './messages.ts';
import { choosePasswordByLink, issueOneTimeToken } from './one-time-tokens.ts';
import { checkPassword, hashPassword } from './password.ts';
import * as people from './person.repository.ts';
import { checkDisplayName, checkEmail, emailKey } from './person-input.ts';
import { requirePermission } from './permissions.ts';
import { revokeSessionsOfPerson } from './session.repository.ts';

export interface NewPerson {
  email: string;
  displayName: string;
}

function refuse(problems: ProblemDetail[]): void {
  if (problems.length > 0) throw new ValidationError('Some details are not right; nothing was changed', problems);
}

/** Writes a new person (refusing an email already used, whatever its capitals) and audits it. */
async function addPerson(trx: Executor, actor: Actor, input: NewPerson, passwordHash: string | null, deps: ClockDeps) {
  const email = input.email.trim();
  if (await people.findPersonByEmailKey(trx, emailKey(email)))
    throw new ConflictError(`A person with the email address ${email} is already recorded`, [
      { field: 'email', value: email, reason: 'is already used by another person' },
    ]);
  const row = {
    id: randomUUID(),
    email,
    email_key: emailKey(email),
    display_name: input.displayName.trim(),
    password_hash: passwordHash,
    created_at: isoInstant(deps.clock.now()),
    disabled_at: null,
    failed_sign_ins: 0,
    failed_since: null,
    locked_until: null,
  };
  await people.insertPerson(trx, row);
  const action = passwordHash === null ? 'person.invite' : 'person.create';
  const summary = `${passwordHash === null ? 'Invited' : 'Added'} ${row.display_name} (${email})`;
  await audit(trx, actor, { action, subject: personSubject(row.id), after: toPerson(row), summary }, deps.clock);
  return row;
}

/** The first (or another) administrator, with a password: `localvision users create-admin`. */
export async function createAdministrator(
  db: Executor,
  actor: Actor,
  input: NewPerson & { password: string },
  deps: ClockDeps,
): Promise<Person> {
  requirePermission(actor, 'manage_people');
  refuse([...checkEmail(input.email), ...checkDisplayName(input.displayName), ...checkPassword(input.password, input.email)]);
  const hash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const person = await addPerson(trx, actor, input, hash, deps);
    await addGrant(trx, actor, person, { role: 'administrator', bodyId: null, bodyName: null, areaCode: null }, deps.clock);
    return toPerson(person);
  });
}

/**
 * Records a person with the roles asked for and mails them a link to choose a password. The mail
 * goes after the commit: no message for a change that was rolled back.
 */
export async function invitePerson(
  db: Executor,
  actor: Actor,
  input: NewPerson & { grants?: readonly GrantRequest[] },
  deps: MailDeps,
): Promise<{ person: Person; grants: RoleGrant[]; invitationExpiresAt: string }> {
  requirePermission(actor, 'manage_people');
  refuse([...checkEmail(input.email), ...checkDisplayName(input.displayName)]);
  const invited = await inTransaction(db, async (trx) => {
    const checked: CheckedGrant[] = [];
    const problems: ProblemDetail[] = [];
    for (const [i, request] of (input.grants ?? []).entries()) {
      const result = await checkGrantRequest(trx, request, `grants[${i}].`);
      problems.push(...result.problems);
      if (result.grant) checked.push(result.grant);
    }
    refuse(problems);
    const person = await addPerson(trx, actor, input, null, deps);
    const granted: RoleGrant[] = [];
    for (const g of checked) granted.push(await addGrant(trx, actor, person, g, deps.clock));
    const link = await issueOneTimeToken(trx, person.id, 'invitation', deps.clock.now());
    return { person, granted, link };
  });
  const { person, granted, link } = invited;
  await deps.mail.send(
    invitationMessage(person.email, person.display_name, deps.links.acceptInvitation(link.token), link.expiresAt),
  );
  return { person: toPerson(person), grants: granted, invitationExpiresAt: link.expiresAt };
}

/** The invited person chooses a password with the link from their invitation. */
export async function acceptInvitation(db: Executor, token: string, password: string, deps: ClockDeps): Promise<Person> {
  return toPerson(await choosePasswordByLink(db, token, 'invitation', password, deps));
}

export async function getPerson(db: Executor, actor: Actor, personId: string): Promise<Person | undefined> {
  requirePermission(actor, 'manage_people');
  const row = await people.findPersonById(db, personId);
  return row ? toPerson(row) : undefined;
}

/** The person with this email address (whatever its capitals), if there is one. */
export async function findPersonByEmail(db: Executor, actor: Actor, email: string): Promise<Person | undefined> {
  requirePermission(actor, 'manage_people');
  const row = await people.findPersonByEmailKey(db, emailKey(email));
  return row ? toPerson(row) : undefined;
}

/** People by name; `q` is part of a name or an email address. */
export async function listPeople(
  db: Executor,
  actor: Actor,
  q: { q?: string } & Page = { limit: 50, offset: 0 },
): Promise<{ items: Person[]; total: number }> {
  requirePermission(actor, 'manage_people');
  const { rows, total } = await people.searchPeople(db, q);
  return { items: rows.map(toPerson), total };
}

/** Stops a person signing in and ends their sessions; their grants and history stay. */
export async function disablePerson(db: Executor, actor: Actor, personId: string, deps: ClockDeps): Promise<Person> {
  requirePermission(actor, 'manage_people');
  return inTransaction(db, async (trx) => {
    const person = await people.findPersonById(trx, personId);
    if (!person)
      throw new NotFoundError(`No person ${personId}`, [{ field: 'personId', value: personId, reason: 'is not a known person' }]);
    if (person.disabled_at !== null) throw new ConflictError(`${person.display_name} is already disabled`);
    await refuseLosingLastAdministrator(trx, null, person);
    const at = isoInstant(deps.clock.now());
    await people.updatePerson(trx, personId, { disabled_at: at });
    const ended = await revokeSessionsOfPerson(trx, personId, at);
    await audit(
      trx,
      actor,
      {
        action: 'person.disable',
        subject: personSubject(personId),
        before: { disabledAt: null },
        after: { disabledAt: at, sessionsEnded: ended },
        summary: `Disabled ${person.display_name}; ${ended} session(s) ended`,
      },
      deps.clock,
    );
    return toPerson({ ...person, disabled_at: at });
  });
}
