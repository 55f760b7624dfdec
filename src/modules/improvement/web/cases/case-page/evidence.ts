/**
 * A firing's evidence (the values and comparisons that made it fire) as rows a person reads: the
 * indicator's own values in its units, differences in its units (percentage points for a
 * percentage), periods as people write them, and what the case already says (the indicator, the
 * rule's parameters) left out.
 */
import { keyInWords } from '../words.ts';
import { periodLabel } from './chart.ts';

export interface EvidenceRow {
  key: string;
  value: string;
}

/** How the indicator's values and differences are written; plain numbers without them. */
export interface EvidenceFormat {
  value: (v: number) => string;
  difference: (v: number) => string;
}

const PLAIN: EvidenceFormat = {
  value: (v) => v.toLocaleString('en-GB', { maximumFractionDigits: 4 }),
  difference: (v) => v.toLocaleString('en-GB', { maximumFractionDigits: 4 }),
};

/** What the case's page says elsewhere: the subject, and the rule's parameters (said with the rule). */
const SAID_ELSEWHERE = new Set([
  'indicatorCode',
  'indicatorTitle',
  'polarity',
  'unit',
  'decimalPlaces',
  'unitMultiplier',
  'params',
  'groupId',
  'areaCode',
]);
/** Keys holding one of the indicator's values, and those holding a difference between two. */
const VALUE_KEYS = new Set([
  'value',
  'median',
  'worstQuartileBound',
  'ciLower',
  'ciUpper',
  'actual',
  'expected',
  'latestValue',
  'previousValue',
]);
const DIFFERENCE_KEYS = new Set([
  'change',
  'worseBy',
  'drop',
  'usualChange',
  'medianAbsoluteChange',
  'minimumDrop',
  'marginOfError',
  'margin',
  'threshold',
  'rounding',
]);

const PERIOD_KEYS = new Set(['period', 'from', 'to', 'missingPeriods']);

const MAX_DEPTH = 3;
const MAX_ITEMS = 20;

function numberInWords(key: string, n: number, f: EvidenceFormat): string {
  if (!Number.isFinite(n)) return '';
  if (VALUE_KEYS.has(key)) return f.value(n);
  if (DIFFERENCE_KEYS.has(key)) return f.difference(n);
  return n.toLocaleString('en-GB', { maximumFractionDigits: 4 });
}

function objectInWords(o: Record<string, unknown>, f: EvidenceFormat, depth: number): string {
  const name = typeof o.groupName === 'string' ? o.groupName : '';
  const period = typeof o.period === 'string' ? periodLabel(o.period) : '';
  const parts = Object.entries(o)
    .filter(([k, v]) => !SAID_ELSEWHERE.has(k) && k !== 'groupName' && k !== 'period' && v !== null && v !== undefined)
    .map(([k, v]) => `${keyInWords(k).toLowerCase()} ${valueInWords(k, v, f, depth + 1)}`);
  const head = [name, period].filter((p) => p !== '').join(', ');
  const body = parts.join(', ');
  if (head && body) return `${head}: ${body}`;
  return head || body || 'none';
}

function valueInWords(key: string, value: unknown, f: EvidenceFormat, depth: number): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number') return numberInWords(key, value, f);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return PERIOD_KEYS.has(key) || key.endsWith('Period') ? periodLabel(value) : value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const items = value.slice(0, MAX_ITEMS).map((v) => valueInWords(key, v, f, depth + 1));
    const more = value.length > MAX_ITEMS ? `; and ${value.length - MAX_ITEMS} more` : '';
    const objects = value.some((v) => typeof v === 'object' && v !== null);
    return `${items.join(objects ? '; ' : ', ')}${more}`;
  }
  if (typeof value === 'object') return objectInWords(value as Record<string, unknown>, f, depth);
  return String(value);
}

export function evidenceRows(evidence: Record<string, unknown>, format: EvidenceFormat = PLAIN): EvidenceRow[] {
  return Object.entries(evidence)
    .filter(([key]) => !SAID_ELSEWHERE.has(key))
    .map(([key, value]) => ({ key: keyInWords(key), value: valueInWords(key, value, format, 0) }));
}
