/** The shapes of an area plan: the recorded state it starts from and the writes it asks for. */
import type { Selectable } from 'kysely';
import type { AreaIdentifierTable, AreaParentTable, AreaRow, AreaSuccessionTable } from '../../platform/db/schema.ts';
import type { AreaFileContent, ParentLinkRecord } from './readers/area-file.ts';

export type AreaParentRow = Selectable<AreaParentTable>;
export type AreaIdentifierRow = Selectable<AreaIdentifierTable>;
export type AreaSuccessionRow = Selectable<AreaSuccessionTable>;

/** A link's valid_from when the source does not say when it began. */
export const UNKNOWN_START = '';

export interface RecordedAreaState {
  /** every area the file names, and the parents and children of the links below */
  areas: ReadonlyMap<string, AreaRow>;
  /** links whose child the file names, or whose parent has building blocks or children to retire */
  links: readonly AreaParentRow[];
  identifiers: readonly AreaIdentifierRow[];
  /** successions whose old code the file names */
  successions: readonly AreaSuccessionRow[];
}

export interface LinkEnd {
  childCode: string;
  parentCode: string;
  validFrom: string;
  validTo: string | null;
}

export interface AreaPlan {
  insertAreas: AreaRow[];
  updateAreas: { code: string; set: Partial<AreaRow> }[];
  insertLinks: AreaParentRow[];
  /** links whose valid_to changes (ended, or a stated end date corrected) */
  updateLinks: LinkEnd[];
  insertIdentifiers: AreaIdentifierRow[];
  updateIdentifiers: AreaIdentifierRow[];
  insertSuccessions: AreaSuccessionRow[];
  updateSuccessions: AreaSuccessionRow[];
  /** lines (> 0) that caused at least one write */
  writtenLines: Set<number>;
}

export interface PlanInput {
  content: Pick<AreaFileContent, 'areas' | 'identifiers' | 'successions' | 'retire' | 'source'>;
  /** the checked links (see area-check.ts) */
  links: readonly ParentLinkRecord[];
  recorded: RecordedAreaState;
  /** today's date, for ending links the file no longer lists */
  today: string;
}
