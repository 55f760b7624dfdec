/**
 * `localvision users …`: the first administrator, invitations, roles and API tokens from the server's
 * command line. Whoever runs it already holds the database, so nothing is refused for want of a role;
 * every change is still audited, as the command line and the user running it.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { NotFoundError, ValidationError } from '../platform/errors.ts';
import {
  type Actor,
  cliActor,
  createAdministrator,
  findPersonByEmail,
  type GrantRequest,
  grantRole,
  invitePerson,
  issueApiToken,
  listApiTokens,
  listGrants,
  listPeople,
  OutboxMailSender,
  type Person,
  revokeApiToken,
  revokeRole,
  ROLE_LABELS,
  type RoleGrant,
  tokenLinks,
} from '../modules/accounts/index.ts';
import { type CliIo, reportError } from './cli-output.ts';
import { type AppContext, publicBaseUrl } from './context.ts';

type WithContext = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

/** The command line as the audit log names it: with the operating-system user who ran it, when known. */
export function commandLineActor(): Actor {
  try {
    return cliActor(`command line (${userInfo().username})`);
  } catch {
    return cliActor();
  }
}

function usage(message: string, field: string): ValidationError {
  return new ValidationError(message, [{ field, reason: message }]);
}

/** The password for create-admin: from standard input, or asked for twice at a terminal. */
async function passwordFor(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    if (!io.readStdin) throw usage('Standard input cannot be read here', 'password');
    const text = (await io.readStdin()).replace(/\r?\n$/, '');
    if (text === '') throw usage('No password on standard input', 'password');
    return text;
  }
  if (!io.askSecret)
    throw usage('Give the password on standard input with --password-stdin, or run the command in a terminal', 'password');
  const password = await io.askSecret('Password: ');
  if ((await io.askSecret('The same password again: ')) !== password)
    throw usage('The two passwords are not the same', 'password');
  return password;
}

async function personByEmail(ctx: AppContext, actor: Actor, email: string): Promise<Person> {
  const person = await findPersonByEmail(ctx.database.db, actor, email);
  if (!person)
    throw new NotFoundError(`Nobody has the email address ${email}`, [{ field: 'email', value: email, reason: 'is not known' }]);
  return person;
}

function grantRequest(o: { role?: string; body?: string; area?: string }): GrantRequest | undefined {
  if (o.role === undefined) {
    if (o.body !== undefined || o.area !== undefined) throw usage('--body and --area go with --role', 'role');
    return undefined;
  }
  return { role: o.role, bodyId: o.body ?? null, areaCode: o.area ?? null };
}

function describeGrant(g: Pick<RoleGrant, 'role' | 'bodyId' | 'areaCode'>): string {
  return [ROLE_LABELS[g.role], g.bodyId ? ` of ${g.bodyId}` : '', g.areaCode ? ` for ${g.areaCode}` : ''].join('');
}

function statusOf(p: Person, now: Date): string {
  if (p.disabledAt) return 'disabled';
  if (!p.hasPassword) return 'invited';
  if (p.lockedUntil && p.lockedUntil > now.toISOString()) return `locked until ${p.lockedUntil}`;
  return 'active';
}

/** Rows as aligned columns, the header first. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

export function userCommands(program: Command, io: CliIo, withContext: WithContext): void {
  const users = program.command('users').description('people, their roles and API tokens');
  const run = (fn: (ctx: AppContext, actor: Actor) => Promise<void>) =>
    withContext(async (ctx) => {
      try {
        await fn(ctx, commandLineActor());
      } catch (e) {
        return reportError(io, e);
      }
    });

  users
    .command('create-admin')
    .description('add an administrator who signs in with a password (the first one, or another)')
    .requiredOption('--email <email>', 'their email address')
    .requiredOption('--name <name>', 'their name as shown to others')
    .option('--password-stdin', 'read the password from standard input instead of asking for it')
    .action((o: { email: string; name: string; passwordStdin?: boolean }) =>
      run(async (ctx, actor) => {
        const password = await passwordFor(io, o.passwordStdin ?? false);
        const person = await createAdministrator(
          ctx.database.db,
          actor,
          { email: o.email, displayName: o.name, password },
          { clock: ctx.clock },
        );
        io.out(`Added ${person.displayName} <${person.email}> as an administrator (id ${person.id}).`);
        io.out(`They can sign in at ${publicBaseUrl(ctx.config)}/account/sign-in`);
      }),
    );

  users
    .command('list')
    .description('list people with their status and roles')
    .option('--q <text>', 'only people whose name or email address contains this')
    .action((o: { q?: string }) =>
      run(async (ctx, actor) => {
        const db = ctx.database.db;
        const { items, total } = await listPeople(db, actor, { ...(o.q ? { q: o.q } : {}), limit: 10_000, offset: 0 });
        const rows = [['email', 'name', 'status', 'roles']];
        for (const p of items) {
          const held = await listGrants(db, actor, { personId: p.id });
          rows.push([p.email, p.displayName, statusOf(p, ctx.clock.now()), held.map(describeGrant).join('; ') || '-']);
        }
        io.out(columns(rows));
        io.out(`${total} ${total === 1 ? 'person' : 'people'}`);
      }),
    );

  users
    .command('invite')
    .description('record a person (with a role if given) and mail them a link to choose a password')
    .requiredOption('--email <email>', 'their email address')
    .requiredOption('--name <name>', 'their name as shown to others')
    .option('--role <role>', `a role: ${Object.keys(ROLE_LABELS).join(', ')}`)
    .option('--body <id>', 'the body the role is held for (a council, or a partner)')
    .option('--area <code>', 'the area the role is held for (a ward councillor’s ward)')
    .action((o: { email: string; name: string; role?: string; body?: string; area?: string }) =>
      run(async (ctx, actor) => {
        const request = grantRequest(o);
        const links = tokenLinks(publicBaseUrl(ctx.config));
        const invited = await invitePerson(
          ctx.database.db,
          actor,
          { email: o.email, displayName: o.name, grants: request ? [request] : [] },
          { clock: ctx.clock, mail: ctx.mail, links },
        );
        const as = invited.grants.length > 0 ? ` as ${invited.grants.map(describeGrant).join(' and ')}` : '';
        io.out(`Invited ${invited.person.displayName} <${invited.person.email}>${as}.`);
        const where = ctx.mail instanceof OutboxMailSender ? `was written to ${ctx.mail.file}` : 'was sent';
        io.out(`The invitation ${where}; its link works once, until ${invited.invitationExpiresAt}.`);
      }),
    );

  users
    .command('grant')
    .description('give a person a role')
    .requiredOption('--email <email>', 'the person’s email address')
    .requiredOption('--role <role>', `a role: ${Object.keys(ROLE_LABELS).join(', ')}`)
    .option('--body <id>', 'the body the role is held for')
    .option('--area <code>', 'the area the role is held for')
    .action((o: { email: string; role: string; body?: string; area?: string }) =>
      run(async (ctx, actor) => {
        const person = await personByEmail(ctx, actor, o.email);
        const grant = await grantRole(ctx.database.db, actor, { personId: person.id, ...grantRequest(o)! }, { clock: ctx.clock });
        io.out(`${person.displayName} is now ${describeGrant(grant)} (grant ${grant.id}).`);
      }),
    );

  users
    .command('revoke')
    .description('take a role away (by grant id, or by email address and role)')
    .option('--grant <id>', 'the grant to revoke')
    .option('--email <email>', 'the person’s email address')
    .option('--role <role>', 'the role to take away')
    .option('--body <id>', 'the body it is held for')
    .option('--area <code>', 'the area it is held for')
    .action((o: { grant?: string; email?: string; role?: string; body?: string; area?: string }) =>
      run(async (ctx, actor) => {
        const grantId = o.grant ?? (await findGrantId(ctx, actor, o));
        const revoked = await revokeRole(ctx.database.db, actor, grantId, { clock: ctx.clock });
        io.out(`Revoked ${describeGrant(revoked)} (grant ${revoked.id}).`);
      }),
    );

  tokenCommands(users.command('token').description('API tokens for machine uploads, one body each'), io, run);
}

/** The one active grant of this role and place that the person holds. */
async function findGrantId(
  ctx: AppContext,
  actor: Actor,
  o: { email?: string; role?: string; body?: string; area?: string },
): Promise<string> {
  if (!o.email || !o.role)
    throw usage('Say which role to revoke: --grant ID, or --email and --role (with --body or --area)', 'grant');
  const person = await personByEmail(ctx, actor, o.email);
  const held = await listGrants(ctx.database.db, actor, { personId: person.id });
  const match = held.filter((g) => g.role === o.role && g.bodyId === (o.body ?? null) && g.areaCode === (o.area ?? null));
  if (match.length !== 1)
    throw new NotFoundError(`${person.displayName} holds no such role`, [
      {
        field: 'role',
        value: o.role,
        reason: `is not held as asked; they hold: ${held.map(describeGrant).join('; ') || 'no roles'}`,
      },
    ]);
  return match[0]!.id;
}

type Run = (fn: (ctx: AppContext, actor: Actor) => Promise<void>) => Promise<void>;

function tokenCommands(token: Command, io: CliIo, run: Run): void {
  token
    .command('issue')
    .description('issue a token for a body; it is printed once, on standard output, and never shown again')
    .requiredOption('--body <id>', 'the body the token acts for')
    .requiredOption('--name <name>', 'what the token is for, to tell it apart ("Trafford nightly upload")')
    .action((o: { body: string; name: string }) =>
      run(async (ctx, actor) => {
        const issued = await issueApiToken(ctx.database.db, actor, { bodyId: o.body, name: o.name }, { clock: ctx.clock });
        // only the token on standard output, so a script can keep it; the explanation on standard error
        io.out(issued.plaintext);
        io.err(
          `Issued API token ${issued.token.prefix} (${issued.token.name}) for ${issued.token.bodyId}, id ${issued.token.id}. ` +
            'Keep it now: it is not shown again. Send it as Authorization: Bearer <token>.',
        );
      }),
    );

  token
    .command('list')
    .description('a body’s tokens (never the tokens themselves)')
    .requiredOption('--body <id>', 'the body')
    .option('--all', 'revoked tokens too')
    .action((o: { body: string; all?: boolean }) =>
      run(async (ctx, actor) => {
        const tokens = await listApiTokens(ctx.database.db, actor, o.body, { includeRevoked: o.all ?? false });
        const rows = [['id', 'prefix', 'name', 'created', 'last used', 'revoked']];
        for (const t of tokens) rows.push([t.id, t.prefix, t.name, t.createdAt, t.lastUsedAt ?? '-', t.revokedAt ?? '-']);
        io.out(columns(rows));
      }),
    );

  token
    .command('revoke')
    .description('revoke a token: it stops working at once')
    .requiredOption('--id <id>', 'the token’s id (from issue or list)')
    .action((o: { id: string }) =>
      run(async (ctx, actor) => {
        const revoked = await revokeApiToken(ctx.database.db, actor, o.id, { clock: ctx.clock });
        io.out(`Revoked API token ${revoked.prefix} (${revoked.name}) of ${revoked.bodyId}.`);
      }),
    );
}
