/**
 * Test data for assurance: the small world of areas, three councils tied to their districts (Trafford,
 * Stockport, Bury) and the police (not a council), cases written straight into ladder_case, and the
 * partnership file the import reads.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import type { CouncilFacts, IndicatorFacts, TargetFacts } from '../../src/modules/improvement/index.ts';
import { SMALL_WORLD, seedAreas } from './analysis-factories.ts';
import { seedAccountsBodies, TEST_BODIES } from './accounts-factories.ts';

type Db = Kysely<Database>;

export const assuranceClock = () => fixedClock('2025-06-01T09:00:00.000Z');

export interface TestCouncil {
  id: string;
  area: string;
  name: string;
}

export const COUNCILS: Record<'trafford' | 'stockport' | 'bury', TestCouncil> = {
  trafford: { id: TEST_BODIES.council.id, area: 'E08000009', name: TEST_BODIES.council.name },
  stockport: { id: TEST_BODIES.otherCouncil.id, area: 'E08000007', name: TEST_BODIES.otherCouncil.name },
  bury: { id: 'bury-council', area: 'E08000002', name: 'Bury Council' },
};
export const POLICE = TEST_BODIES.partner.id;

export async function seedAssuranceWorld(db: Db): Promise<void> {
  await seedAreas(db, SMALL_WORLD);
  await seedAccountsBodies(db);
  await db
    .insertInto('body')
    .values({
      id: COUNCILS.bury.id,
      name: COUNCILS.bury.name,
      kind: 'council',
      council_type: null,
      short_name: null,
      valid_from: null,
      valid_to: null,
      replaced_by: null,
      website: null,
      source: 'test',
    })
    .execute();
  await db
    .insertInto('body_area')
    .values(
      Object.values(COUNCILS).map((c) => ({
        body_id: c.id,
        area_code: c.area,
        role: 'governs',
        tier: 'unitary',
        valid_from: null,
        valid_to: null,
      })),
    )
    .execute();
}

/** A case on the ladder, written straight into its table. */
export async function seedCase(
  db: Db,
  c: { bodyId: string; areaCode: string; rung: number; state?: string; indicatorCode?: string | null; title?: string },
): Promise<number> {
  const row = await db
    .insertInto('ladder_case')
    .values({
      body_id: c.bodyId,
      area_code: c.areaCode,
      indicator_code: c.indicatorCode ?? null,
      title: c.title ?? `Case on rung ${c.rung}`,
      state: c.state ?? 'open',
      rung: c.rung,
      owner_name: null,
      action_plan: null,
      deadline: '2025-09-01T09:00:00.000Z',
      rung_entered_at: '2025-05-01T09:00:00.000Z',
      baseline_value: null,
      baseline_period: null,
      opened_at: '2025-05-01T09:00:00.000Z',
      closed_at: null,
      closed_reason: null,
      kinds: JSON.stringify(['bottom_quartile']),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A partnership file of the three councils with one review of Trafford. */
export function partnershipFile(overrides: { followUp?: string; members?: string[] } = {}) {
  return {
    partnerships: [
      {
        id: 'greater-manchester-improvement',
        name: 'Greater Manchester Improvement Partnership',
        description: 'Councils of Greater Manchester challenging and supporting one another.',
        formedOn: '2025-01-15',
        members: overrides.members ?? [COUNCILS.trafford.id, COUNCILS.stockport.id, COUNCILS.bury.id],
        peerReviews: [
          {
            reviewedBodyId: COUNCILS.trafford.id,
            reviewerBodyIds: [COUNCILS.stockport.id, COUNCILS.bury.id],
            reviewedOn: '2025-03-10',
            scope: 'Household waste and recycling',
            findings: 'Recycling has fallen for two years.',
            recommendations: 'Extend food waste collection.',
            followUp: overrides.followUp ?? 'Food waste trial started in April.',
          },
        ],
      },
    ],
  };
}

export function jsonFile(content: unknown, name = 'partnerships.json'): SubmittedFile {
  return { name, content: JSON.stringify(content, null, 2) };
}

const point = (period: string, periodEnd: string, value: number) => ({ period, periodEnd, value, ciLower: null, ciUpper: null });

function indicator(
  code: string,
  theme: string,
  values: [number, number],
  quartile: 1 | 2 | 3 | 4,
): IndicatorFacts & { theme: string } {
  return {
    indicatorCode: code,
    indicatorTitle: code,
    theme,
    polarity: 'higher_is_better',
    unit: 'percentage',
    decimalPlaces: 0,
    series: [point('FY2022', '2023-03-31', values[0]), point('FY2023', '2024-03-31', values[1])],
    positions: [
      {
        period: 'FY2023',
        groupId: 'g',
        groupName: 'Group',
        size: 8,
        rank: quartile * 2,
        quartile,
        median: 55,
        worstQuartileBound: 50,
        value: values[1],
      },
    ],
    periodsWithFigures: ['FY2022', 'FY2023'],
  };
}

function target(
  key: string,
  indicatorCode: string,
  areaCode: string,
  status: 'on_track' | 'off_track',
): TargetFacts & { ownerBodyId: string } {
  return {
    planId: 'plan',
    targetKey: key,
    title: key,
    indicatorCode,
    areaCode,
    ownerBodyId: 'owner',
    judgements: [
      {
        period: 'FY2023',
        status,
        reason: status,
        actual: 1,
        expected: 2,
        ruleVersion: 1,
        assessedAt: '2025-05-01T00:00:00.000Z',
      },
    ],
  };
}

/**
 * Facts whose counts are known. Trafford: 1 of 2 targets off track, 1 of 2 indicators in the bottom quartile and 1 of 2 worse, 1 of 2
 * figures due missing (with one case open on rung 2): 12.5 + 10 + 7.5 + 7.5 + 8.3 = 45.8, high.
 * Bury: its one target off track: 25, medium. Stockport: nothing to judge and no cases: 0, low.
 */
export function exampleCouncilFacts(): CouncilFacts[] {
  const { trafford, stockport, bury } = COUNCILS;
  return [
    {
      bodyId: trafford.id,
      bodyName: trafford.name,
      areaCode: trafford.area,
      areaName: 'Trafford',
      indicators: [indicator('REC', 'Environment', [55, 50], 4), indicator('ASC', 'Adult social care', [60, 62], 2)],
      targets: [target('T1', 'ASC', trafford.area, 'off_track'), target('T2', 'REC', trafford.area, 'on_track')],
      deadlines: [
        { indicatorCode: 'REC', indicatorTitle: 'REC', period: 'FY2024', dueDate: '2025-05-01', receivedAt: null },
        {
          indicatorCode: 'ASC',
          indicatorTitle: 'ASC',
          period: 'FY2024',
          dueDate: '2025-04-01',
          receivedAt: '2025-03-20T00:00:00.000Z',
        },
      ],
    },
    {
      bodyId: stockport.id,
      bodyName: stockport.name,
      areaCode: stockport.area,
      areaName: 'Stockport',
      indicators: [],
      targets: [],
      deadlines: [],
    },
    {
      bodyId: bury.id,
      bodyName: bury.name,
      areaCode: bury.area,
      areaName: 'Bury',
      indicators: [],
      targets: [target('B1', 'KS2', bury.area, 'off_track')],
      deadlines: [],
    },
  ];
}
