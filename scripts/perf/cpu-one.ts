/** tsx scripts/perf/cpu-one.ts <question> [n] — runs one question n times (for node --cpu-prof). */
import { openDatabase } from '../../src/platform/db/database.ts';
import { areaProfile, rollUp } from '../../src/modules/analysis/index.ts';

const { db, close } = openDatabase({ dialect: 'sqlite', path: '/tmp/lv-perf/s0.1.sqlite' });
const targets = (
  await db
    .selectFrom('area')
    .select('code')
    .where('type', 'in', ['country', 'region', 'county', 'district', 'unitary', 'metropolitan_district', 'london_borough'])
    .execute()
).map((r) => r.code);
const which = process.argv[2] ?? 'profile';
const n = Number(process.argv[3] ?? 50);
for (let i = 0; i < n; i++) {
  if (which === 'profile') await areaProfile(db, { area: 'E07000001' });
  else await rollUp(db, { indicator: 'BEN001', period: 'FY2024', to: targets });
}
await close();
