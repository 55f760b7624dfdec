/**
 * The demo data set: real public data shipped in data/ (see data/SOURCES.md), loaded in dependency order.
 * Every step is an ordinary import, so loading twice changes nothing.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/executor.ts';
import type { SubmittedFile } from '../platform/files.ts';
import type { ImportSummary } from '../platform/import-summary.ts';
import { importAreaFile, importBoundaryFile } from '../modules/places/index.ts';
import { importBodyFile } from '../modules/bodies/index.ts';
import { systemActor } from '../modules/accounts/index.ts';
import { importIndicatorFile } from '../modules/indicators/index.ts';
import { importObservations } from '../modules/data/index.ts';
import { importComparatorGroups } from '../modules/analysis/index.ts';
import { assessTargets, importPlans, type PlanImportReport } from '../modules/plans/index.ts';
import {
  actOnCase,
  getPartnership,
  importPartnerships,
  linkPeerReviewToCase,
  listCases,
  runTriggers,
} from '../modules/improvement/index.ts';
import type { AppContext } from './context.ts';
import { formatSummary, type CliIo } from './cli-output.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Who the audit log says loaded the demo data. */
const actor = systemActor('demo loader');
const dataFile = (path: string): SubmittedFile => ({ name: basename(path), content: readFileSync(join(root, path)) });

interface DemoStep {
  what: string;
  file: string;
  run: (ctx: AppContext, file: SubmittedFile) => Promise<ImportSummary>;
}

const areas = (ctx: AppContext, f: SubmittedFile) => importAreaFile(ctx.database.db, f, { clock: ctx.clock });
const boundaries = (ctx: AppContext, f: SubmittedFile) => importBoundaryFile(ctx.database.db, f, { clock: ctx.clock });
const observations = (ctx: AppContext, f: SubmittedFile) => importObservations(ctx.database.db, f, { clock: ctx.clock, actor });

/** A plans import told as every step is: each plan and national priority of the file is a row. */
function planSummary(report: PlanImportReport): ImportSummary {
  const priorities = report.nationalPriorities;
  const plansChanged = report.plans.filter((p) => p.outcome !== 'unchanged').length;
  return {
    reader: `plans-${report.format}`,
    rowsRead: report.plans.length + priorities.created + priorities.updated + priorities.unchanged,
    rowsWritten: plansChanged + priorities.created + priorities.updated,
    rowsUnchanged: report.plans.length - plansChanged + priorities.unchanged,
    rowsRejected: 0,
    problems: [],
  };
}

export const DEMO_STEPS: DemoStep[] = [
  { what: 'UK local authorities, regions and countries', file: 'data/areas/uk_local_authorities_current.csv', run: areas },
  {
    what: 'councils as bodies',
    file: 'data/areas/uk_local_authorities_current.csv',
    run: (c, f) => importBodyFile(c.database.db, f, { clock: c.clock }),
  },
  { what: 'boundary changes 2014–2025', file: 'data/boundaries/ons_la_changes_2014_2025.csv', run: areas },
  { what: 'council deprivation (IMD)', file: 'data/areas/mysociety_la_imd.csv', run: areas },
  { what: 'wards of the UK (December 2019)', file: 'data/areas/ons_ward_to_lad_dec2019_uk.csv', run: areas },
  {
    what: 'wards of two-tier England with their counties (May 2019)',
    file: 'data/areas/ons_ward_lad_county_ced_may2019_england.csv',
    run: areas,
  },
  {
    what: 'Greater Manchester wards (2023)',
    file: 'data/boundaries/trafford_lab_gm_ward_2023_super_generalised.geojson',
    run: areas,
  },
  { what: 'LSOAs with IMD 2019 rank', file: 'data/areas/ons_imd2019_lsoa_lad_england.csv', run: areas },
  { what: 'council boundaries (TopoJSON)', file: 'data/boundaries/ons_uk_topo_2014_2025.json', run: boundaries },
  {
    what: 'Greater Manchester ward boundaries',
    file: 'data/boundaries/trafford_lab_gm_ward_2023_super_generalised.geojson',
    run: boundaries,
  },
  {
    what: 'Trafford ward boundaries',
    file: 'data/boundaries/trafford_lab_trafford_ward_2023_generalised.geojson',
    run: boundaries,
  },
  {
    what: 'Trafford Partnership (example LSP)',
    file: 'src/modules/bodies/demo/trafford-partnership.json',
    run: (c, f) => importBodyFile(c.database.db, f, { clock: c.clock }),
  },
  {
    what: 'indicator catalogue',
    file: 'src/modules/indicators/demo/indicators.json',
    run: (c, f) => importIndicatorFile(c.database.db, f, { clock: c.clock, actor }),
  },
  {
    what: 'household recycling rate, all councils',
    file: 'data/indicators/trafford_lab_household_recycling_rate_all_LAs.csv',
    run: observations,
  },
  { what: 'adult social care (Oflog)', file: 'data/indicators/oflog_asc_data.csv', run: observations },
  {
    what: 'Trafford ward indicators',
    file: 'data/indicators/trafford_ward_indicators.csv',
    run: (c, f) =>
      importObservations(c.database.db, f, {
        clock: c.clock,
        actor,
        meta: dataFile('data/indicators/trafford_ward_indicator_meta.csv'),
      }),
  },
  {
    // The file names three codes no lookup here holds (the GLA and two combined-authority codes); they are left out and reported.
    what: 'nearest-neighbour groups (Oflog)',
    file: 'data/indicators/oflog_nearest_neighbours.json',
    run: (c, f) => importComparatorGroups(c.database.db, f, { clock: c.clock, unknownAreas: 'skip' }),
  },
  {
    what: "Trafford's CIPFA nearest neighbours",
    file: 'data/indicators/trafford_comparator_group_cipfa2021.csv',
    run: (c, f) => importComparatorGroups(c.database.db, f, { clock: c.clock, anchor: 'E08000009' }),
  },
  {
    // Illustrative plans on the real figures above (see src/modules/plans/demo/README.md); judged once every step has run.
    what: 'example strategy, Local Area Agreement and service plans (Trafford)',
    file: 'src/modules/plans/demo/trafford-plans.json',
    run: async (c, f) => planSummary(await importPlans(c.database.db, actor, f, { clock: c.clock })),
  },
];

export async function loadDemo(ctx: AppContext, opts: { io?: CliIo } = {}): Promise<void> {
  const started = Date.now();
  ctx.logger.info(`Loading the demo data set (${DEMO_STEPS.length} steps) into ${ctx.database.describe}`);
  for (const [i, step] of DEMO_STEPS.entries()) {
    const t = Date.now();
    const summary = await step.run(ctx, dataFile(step.file));
    const line = `[${i + 1}/${DEMO_STEPS.length}] ${step.what}: ${formatSummary(basename(step.file), summary)} in ${Date.now() - t} ms`;
    ctx.logger.info(line);
    opts.io?.out(line);
  }
  const judged = await assessTargets(ctx.database.db, actor, {}, { clock: ctx.clock });
  const lines = [`Target statuses judged from the figures: ${judged.assessed} targets, ${judged.changed} new statuses recorded`];
  lines.push(...(await loadImprovementDemo(ctx.database.db, ctx.clock)));
  for (const line of lines) {
    ctx.logger.info(line);
    opts.io?.out(line);
  }
  ctx.logger.info(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The example partnership (see src/modules/improvement/demo/README.md): illustrative, on the real councils. */
const PARTNERSHIPS_FILE = 'src/modules/improvement/demo/greater-manchester-partnership.json';
const PARTNERSHIP_ID = 'greater-manchester-improvement';
/** The case the example peer review looked at: Tameside's reablement outcomes (ASC5). */
const REVIEWED = { bodyId: 'tameside-council', indicatorCode: 'ASC5' } as const;
const ILLUSTRATIVE_ESCALATION =
  'An illustrative example: the Greater Manchester Improvement Partnership offered support and a peer review ' +
  '(the partnership and its review are made up for the demonstration; the figures are real)';

/**
 * Once the targets are judged: the triggers over the figures (cases from the real data), then the example
 * partnership and its peer review, put on the case it looked at on rung 2. Each step changes nothing
 * when run again.
 */
export async function loadImprovementDemo(db: Executor, clock: Clock): Promise<string[]> {
  const deps = { clock };
  const started = Date.now();
  const run = await runTriggers(db, actor, deps);
  const took = Date.now() - started;
  const imported = await importPartnerships(db, dataFile(PARTNERSHIPS_FILE), { ...deps, actor });
  const reviews = imported.partnerships.reduce((n, p) => n + p.peerReviews.created + p.peerReviews.changed, 0);
  return [
    `Triggers run over the figures: ${run.firingsRecorded} firings recorded, ${run.casesOpened.length} cases opened, ` +
      `${run.casesAddedTo.length} added to, ${run.casesRecovered.length} recovered in ${took} ms`,
    `Example improvement partnership: ${imported.changed ? `imported (${reviews} peer review${reviews === 1 ? '' : 's'} recorded)` : 'unchanged'}`,
    await supportWithPeerReview(db, clock),
  ];
}

/** Escalates the reviewed council's open case to rung 2 (once) and links the partnership's review of it. */
async function supportWithPeerReview(db: Executor, clock: Clock): Promise<string> {
  const deps = { clock };
  const [found] = (await listCases(db, { ...REVIEWED, status: 'open', pageSize: 1 })).cases;
  const review = (await getPartnership(db, PARTNERSHIP_ID))?.peerReviews.find((r) => r.reviewedBodyId === REVIEWED.bodyId);
  if (!found || !review) return `Example peer review: no open ${REVIEWED.indicatorCode} case of ${REVIEWED.bodyId} to link it to`;
  if (review.caseIds.includes(found.id)) return `Example peer review: linked to case ${found.id} already`;
  if (found.rung === 3) return `Example peer review: case ${found.id} is on rung 3, beyond the partnership's support`;
  if (found.rung === 1) await actOnCase(db, actor, found.id, { action: 'escalate', reason: ILLUSTRATIVE_ESCALATION }, deps);
  await linkPeerReviewToCase(db, actor, { peerReviewId: review.id, caseId: found.id }, deps);
  return `Example peer review: case ${found.id} (${found.title}) on rung 2, the review linked`;
}

export async function databaseIsEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.database.db
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
