/** Comparator groups: stored ones (imported from files) and the built-in ones computed on the fly. */
import type { ProblemDetail } from '../../platform/errors.ts';

export type ComparatorGroupKind = 'nearest_neighbours' | 'statistical_neighbours' | 'custom';
export const COMPARATOR_GROUP_KINDS: readonly ComparatorGroupKind[] = ['nearest_neighbours', 'statistical_neighbours', 'custom'];

/** The built-in groups, computed from the area hierarchy when asked for. */
export type BuiltInGroup = 'type' | 'region' | 'england' | 'nearest' | 'custom';
export const BUILT_IN_GROUPS: readonly BuiltInGroup[] = ['type', 'region', 'england', 'nearest', 'custom'];

export interface StoredComparatorGroup {
  id: string;
  name: string;
  kind: ComparatorGroupKind;
  anchorAreaCode: string | null;
  /** which model and file it came from: "cipfa:<file>", "oflog:<file>" or "csv:<file>" */
  source: string;
  importedAt: string;
  memberCodes: string[];
}

export interface ResolvedComparatorGroup {
  id: string;
  name: string;
  kind: ComparatorGroupKind | 'same_type' | 'same_region' | 'england';
  anchorAreaCode: string | null;
  memberCodes: string[];
}

/** A group as read from a file, before its area codes are checked. */
export interface GroupDraft {
  id: string;
  /** the name; when namePrefix is set, the anchor's area name is appended to namePrefix instead */
  name: string;
  namePrefix: string | null;
  kind: ComparatorGroupKind;
  anchorAreaCode: string | null;
  anchorLine: number | undefined;
  source: string;
  /** implicit: the anchor, added by the importer though not listed in the file */
  members: { code: string; line: number | undefined; implicit?: boolean }[];
}

export interface GroupFileRead {
  reader: string;
  groups: GroupDraft[];
  rowsRead: number;
  problems: ProblemDetail[];
  skipped: { count: number; reason: string }[];
}

/** GSS codes: a letter and eight digits (E08000009). */
export const GSS_CODE = /^[EWSNK]\d{8}$/;
