/**
 * What a reader makes of a bodies file: bodies with their areas and members, each tied to the
 * line (CSV) or entry path (JSON) it came from. Readers are pure; the import service resolves
 * references against the database and applies the changes.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { BodyKind } from '../body.types.ts';

/** A body named by its id, or by another scheme's identifier (mySociety's three-letter code). */
export type BodyRef = { id: string } | { scheme: string; identifier: string };

export interface Origin {
  /** the line (CSV) or entry number (JSON, from 1) */
  line: number;
  /** for JSON: the entry's path, e.g. `bodies[2].`; problems name `${path}${field}` and no line */
  path?: string;
}

/** What a row says about a body; undefined = not stated, left as recorded. */
export interface BodyFacts {
  name: string;
  kind: BodyKind;
  councilType?: string | null;
  shortName?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  website?: string | null;
  replacedBy?: BodyRef[];
}

export interface BodyAreaRecord {
  field: string;
  code: string;
  role: string;
  tier: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface MemberRecord {
  field: string;
  body: BodyRef;
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface BodyRecord extends Origin {
  /** the id the row gives; when absent, the body is found by `identifier` or created as `proposedId` */
  id?: string;
  proposedId?: string;
  identifiers: { scheme: string; identifier: string }[];
  facts: BodyFacts;
  /** the body's areas for the roles in `areaRoles` ('all': every role); undefined leaves areas as recorded */
  areas?: BodyAreaRecord[];
  areaRoles?: 'all' | readonly string[];
  /** the body's complete membership; undefined leaves members as recorded */
  members?: MemberRecord[];
}

export interface BodyFileContent {
  reader: string;
  source: string;
  rowsRead: number;
  bodies: BodyRecord[];
  skipped: (Origin & { reason: string })[];
  problems: ProblemDetail[];
}

export function refKey(ref: BodyRef): string {
  return 'id' in ref ? `id:${ref.id}` : `${ref.scheme}:${ref.identifier}`;
}

export function problemAt(origin: Origin, field: string, value: unknown, reason: string): ProblemDetail {
  return origin.path !== undefined
    ? { field: `${origin.path}${field}`, value, reason }
    : { line: origin.line, field, value, reason };
}

/** A readable id: "Trafford" → "trafford". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const BODY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
