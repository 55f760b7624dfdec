/** Reader for the indicator JSON format: { "indicators": [ IndicatorInput, ... ] } or a bare array. */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { readJson, type SubmittedFile } from '../../../platform/files.ts';
import { normalisePolarity } from '../polarity.ts';
import { formatPath } from '../versioning.service.ts';
import type { RawEntry } from './indicator-csv.ts';

export function readIndicatorJson(file: SubmittedFile): { entries: RawEntry[]; problems: ProblemDetail[] } {
  const doc = readJson(file);
  const wrapped = !Array.isArray(doc);
  const list: unknown = wrapped && doc && typeof doc === 'object' ? (doc as Record<string, unknown>).indicators : doc;
  if (!Array.isArray(list)) {
    return {
      entries: [],
      problems: [{ field: 'indicators', reason: 'expected {"indicators": [...]} or an array of indicator definitions' }],
    };
  }
  const problems: ProblemDetail[] = [];
  const entries = list.map((item, i): RawEntry => {
    const prefix = wrapped ? `indicators[${i}]` : `[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ field: prefix, reason: 'each indicator must be an object' });
      return { raw: null, locate: (path) => ({ field: `${prefix}.${formatPath(path)}` }) };
    }
    const raw = { ...(item as Record<string, unknown>) };
    if (typeof raw.polarity === 'string') {
      const p = normalisePolarity(raw.polarity);
      if (p.ok) raw.polarity = p.polarity;
      else problems.push({ field: `${prefix}.polarity`, value: raw.polarity, reason: p.reason });
    }
    return { raw, locate: (path) => ({ field: `${prefix}.${formatPath(path)}` }) };
  });
  return { entries, problems };
}
