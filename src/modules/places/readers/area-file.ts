/**
 * What a reader makes of an area file: facts about areas, parent links, identifiers and
 * successions, each tied to the line it came from. Readers are pure; the import service checks
 * the references against the database and applies the changes.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { AreaType } from '../area.types.ts';

/** What a row says about an area. A fact left undefined is not stated and is left as recorded. */
export interface AreaFacts {
  name?: string;
  type?: AreaType;
  countryCode?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  population?: number | null;
  populationYear?: number | null;
  imdRank?: number | null;
  imdScore?: number | null;
  imdDecile?: number | null;
}

/** Where a record came from, for counting rows and naming them in problems. */
export interface RecordOrigin {
  /** the line (CSV) or entry number (JSON, from 1); 0 for records a reader adds itself */
  line: number;
  /** for JSON: the path of the entry, e.g. `areas[3].`; problems name `${path}${field}` and no line */
  path?: string;
}

export interface AreaRecord extends RecordOrigin {
  code: string;
  facts: AreaFacts;
  /** valid_from for a new area when the row states none (e.g. the lookup's date) */
  validFromIfNew?: string;
  /**
   * The links in this file are the area's complete current parents of these types ('all' for any
   * type): a current link to another parent of such a type is ended.
   */
  parentScope?: 'all' | readonly AreaType[];
  /** The links in this file are the area's complete current children (building blocks). */
  childrenComplete?: boolean;
  /**
   * A name that differs from the recorded one only in capitals, punctuation or "&"/"and" keeps the
   * recorded spelling (ONS lookups of the same year spell a few ward names differently).
   */
  keepNameSpelling?: boolean;
}

export interface ParentLinkRecord extends RecordOrigin {
  field: string;
  childCode: string;
  parentCode: string;
  /** null when not known */
  validFrom: string | null;
  /** undefined when the row does not say */
  validTo?: string | null;
  /** record the link only when both areas are known; otherwise skip the row with a reason */
  ifKnown?: boolean;
}

export interface IdentifierRecord extends RecordOrigin {
  field: string;
  areaCode: string;
  scheme: string;
  identifier: string;
}

/** Facts about an area found by another identifier (mySociety's three-letter code). */
export interface IdentifiedFacts extends RecordOrigin {
  field: string;
  scheme: string;
  identifier: string;
  facts: AreaFacts;
}

export interface SuccessionRecord extends RecordOrigin {
  oldCode: string;
  newCode: string;
  changeType: string;
  /** YYYY-MM-DD, or '' when unknown */
  effectiveDate: string;
}

/**
 * The file is the complete set of areas of `type` under each of `parentCodes`: a current child of
 * that type missing from the file is retired on `validTo` (never deleted).
 */
export interface RetireMissingChildren {
  parentCodes: string[];
  type: AreaType;
  validTo: string;
}

export interface SkippedRow extends RecordOrigin {
  reason: string;
}

export interface AreaFileContent {
  reader: string;
  /** stored in area.source for areas this file creates or changes */
  source: string;
  rowsRead: number;
  areas: AreaRecord[];
  links: ParentLinkRecord[];
  identifiers: IdentifierRecord[];
  identifiedFacts: IdentifiedFacts[];
  successions: SuccessionRecord[];
  retire?: RetireMissingChildren;
  skipped: SkippedRow[];
  problems: ProblemDetail[];
}

export function emptyContent(reader: string, source: string, rowsRead: number): AreaFileContent {
  return {
    reader,
    source,
    rowsRead,
    areas: [],
    links: [],
    identifiers: [],
    identifiedFacts: [],
    successions: [],
    skipped: [],
    problems: [],
  };
}
