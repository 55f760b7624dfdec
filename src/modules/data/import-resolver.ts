/**
 * Resolving an import's indicators, areas and periods once per distinct text, not once per row:
 * each batch's new indicator texts and area codes are looked up together (areas in one batched call
 * to places), and each period spelling is parsed once per indicator.
 */
import { getIndicators, resolveIndicatorCode, type IndicatorDefinition } from '../indicators/index.ts';
import { parsePeriod, type Period } from '../periods/index.ts';
import { getAreas } from '../places/index.ts';
import type { Executor, RawCell, SourceRow } from './observation.types.ts';

/** An indicator and period of the import: the unit in which current figures are looked up. */
export interface PairEntry {
  id: number;
  indicator: IndicatorEntry;
  period: Period;
  /** whether the database held current figures for the pair when the import first met it */
  hasCurrent?: boolean;
}

export interface IndicatorEntry {
  code: string;
  definition: IndicatorDefinition;
  periods: Map<string, PairEntry | string>;
}

/** A known area: its code as stored, and its number in this import (for the identity check). */
export interface AreaEntry {
  code: string;
  index: number;
}

const text = (cell: RawCell): string =>
  cell === undefined || cell === null ? '' : typeof cell === 'string' ? cell : String(cell);

export class ImportResolver {
  private readonly indicators = new Map<string, IndicatorEntry | string>();
  private readonly byCode = new Map<string, IndicatorEntry>();
  /** area text → the area, or null when it is not a known area */
  private readonly areas = new Map<string, AreaEntry | null>();
  // the last text looked up and its answer: rows mostly repeat their neighbour's indicator and period
  private lastIndicatorText: string | undefined;
  private lastIndicator: IndicatorEntry | string = '';
  private areaCount = 0;
  private pairCount = 0;

  constructor(
    private readonly db: Executor,
    private readonly opts: { scheme?: string; hint?: string; onlyIndicator?: string },
  ) {}

  /** Looks up the batch's indicator texts and area codes not seen before. */
  async prime(rows: readonly SourceRow[]): Promise<void> {
    const newIndicators = new Set<string>();
    const newAreas = new Set<string>();
    let previous: string | undefined;
    for (const row of rows) {
      const i = text(row.indicator);
      if (i !== previous && !this.indicators.has(i)) newIndicators.add(i);
      previous = i;
      const a = text(row.area);
      if (!this.areas.has(a)) newAreas.add(a);
    }
    if (newIndicators.size > 0) await this.resolveIndicators([...newIndicators]);
    if (newAreas.size > 0) await this.resolveAreas([...newAreas]);
  }

  /** The indicator of a row, or why it is not one. */
  indicator(cell: RawCell): IndicatorEntry | string {
    const t = text(cell);
    if (t !== this.lastIndicatorText) {
      this.lastIndicatorText = t;
      this.lastIndicator = this.indicators.get(t) ?? 'the indicator was not looked up';
    }
    return this.lastIndicator;
  }

  /** The area, or undefined when it is not a known area. */
  area(cell: RawCell): AreaEntry | undefined {
    return this.areas.get(text(cell)) ?? undefined;
  }

  /** The (indicator, period) pair of a row, or why the period cannot be read for this indicator. */
  pair(indicator: IndicatorEntry, cell: RawCell): PairEntry | string {
    const t = text(cell);
    const known = indicator.periods.get(t);
    if (known !== undefined) return known;
    const parsed = parsePeriod(t, indicator.definition.periodType);
    const entry = parsed.ok
      ? this.pairFor(indicator, parsed.period)
      : `${parsed.reason} (${indicator.code} is reported by ${indicator.definition.periodType.replace(/_/g, ' ')})`;
    indicator.periods.set(t, entry);
    return entry;
  }

  private pairFor(indicator: IndicatorEntry, period: Period): PairEntry {
    for (const p of indicator.periods.values()) if (typeof p !== 'string' && p.period.key === period.key) return p;
    return { id: this.pairCount++, indicator, period };
  }

  private async resolveIndicators(texts: string[]): Promise<void> {
    const codes = new Map<string, string | undefined>();
    for (const t of texts)
      codes.set(t, t.trim() === '' ? undefined : await resolveIndicatorCode(this.db, t.trim(), this.opts.scheme));
    const wanted = [...new Set([...codes.values()].filter((c): c is string => c !== undefined && !this.byCode.has(c)))];
    const definitions = wanted.length > 0 ? await getIndicators(this.db, wanted) : new Map<string, IndicatorDefinition>();
    for (const [code, definition] of definitions) this.byCode.set(code, { code, definition, periods: new Map() });
    for (const [t, code] of codes) this.indicators.set(t, this.entryOrReason(t, code));
  }

  private entryOrReason(t: string, code: string | undefined): IndicatorEntry | string {
    if (t.trim() === '') return 'the indicator is empty';
    const entry = code === undefined ? undefined : this.byCode.get(code);
    if (!entry) {
      const what = this.opts.scheme ? `an indicator's ${this.opts.scheme} alias` : 'a known indicator code or alias';
      return `'${t.trim()}' is not ${what}${this.opts.hint ? `: ${this.opts.hint}` : ''}`;
    }
    if (this.opts.onlyIndicator && entry.code !== this.opts.onlyIndicator) {
      return `this import is for ${this.opts.onlyIndicator}, but the row is for ${entry.code}`;
    }
    return entry;
  }

  private async resolveAreas(texts: string[]): Promise<void> {
    const codes = texts.map((t) => t.trim());
    const found = await getAreas(this.db, [...new Set(codes.filter((c) => c !== ''))]);
    texts.forEach((t, i) => this.areas.set(t, found.has(codes[i]!) ? this.areaEntry(codes[i]!) : null));
  }

  /** One entry per code, however its texts were spaced. */
  private readonly byAreaCode = new Map<string, AreaEntry>();

  private areaEntry(code: string): AreaEntry {
    let entry = this.byAreaCode.get(code);
    if (!entry) {
      entry = { code, index: this.areaCount++ };
      this.byAreaCode.set(code, entry);
    }
    return entry;
  }
}
