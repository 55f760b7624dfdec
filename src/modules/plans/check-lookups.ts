/**
 * What checking a plan looks up, each looked up once: bodies, areas, indicators (by code or alias),
 * national priorities, and the keys of plans already recorded (their draft and latest published
 * version) for `serves` links.
 */
import type { Executor } from '../../platform/db/executor.ts';
import { getBody } from '../bodies/index.ts';
import { getIndicator, resolveIndicatorCode, type IndicatorDefinition } from '../indicators/index.ts';
import { getArea } from '../places/index.ts';
import { findItemRows } from './item.repository.ts';
import { findPlanRow, findVersionRows, type PlanRow } from './plan.repository.ts';
import { groupVersions, toItem } from './plans.mapper.ts';
import type { ItemKind, PlanVersion } from './plans.types.ts';
import { findNationalPriorityRows } from './status.repository.ts';

export interface RecordedPlan {
  row: PlanRow;
  versions: PlanVersion[];
  /** the kinds of the items of its draft and latest published version, by key */
  keys: Map<string, ItemKind>;
}

export class CheckLookups {
  private readonly bodies = new Map<string, boolean>();
  private readonly areas = new Map<string, boolean>();
  private readonly indicators = new Map<string, IndicatorDefinition | null>();
  private readonly priorities = new Map<string, boolean>();
  private readonly plans = new Map<string, RecordedPlan | null>();

  constructor(private readonly db: Executor) {}

  async bodyExists(id: string): Promise<boolean> {
    if (!this.bodies.has(id)) this.bodies.set(id, (await getBody(this.db, id)) !== undefined);
    return this.bodies.get(id)!;
  }

  async areaExists(code: string): Promise<boolean> {
    if (!this.areas.has(code)) this.areas.set(code, (await getArea(this.db, code)) !== undefined);
    return this.areas.get(code)!;
  }

  /** The indicator a code or alias names, or null. */
  async indicator(codeOrAlias: string): Promise<IndicatorDefinition | null> {
    if (!this.indicators.has(codeOrAlias)) {
      const code = await resolveIndicatorCode(this.db, codeOrAlias);
      this.indicators.set(codeOrAlias, code ? ((await getIndicator(this.db, code)) ?? null) : null);
    }
    return this.indicators.get(codeOrAlias)!;
  }

  async nationalPriorityRecorded(code: string): Promise<boolean> {
    if (!this.priorities.has(code)) this.priorities.set(code, (await findNationalPriorityRows(this.db, [code])).length > 0);
    return this.priorities.get(code)!;
  }

  async recordedPlan(id: string): Promise<RecordedPlan | null> {
    if (!this.plans.has(id)) {
      const row = await findPlanRow(this.db, id);
      if (!row) this.plans.set(id, null);
      else {
        const versions = groupVersions(await findVersionRows(this.db, [id])).get(id) ?? [];
        const published = versions.filter((v) => v.state === 'published');
        const ids = [versions.find((v) => v.state === 'draft')?.id, published[published.length - 1]?.id].filter(
          (v): v is number => v !== undefined,
        );
        const keys = new Map((await findItemRows(this.db, ids)).map((r) => [r.item.key, toItem(r, id).kind]));
        this.plans.set(id, { row, versions, keys });
      }
    }
    return this.plans.get(id)!;
  }
}
