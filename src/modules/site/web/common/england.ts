/** England's series for an indicator, published or worked out from its parts, beside another area's. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { timeSeries, type TimeSeries } from '../../../analysis/index.ts';
import { getArea } from '../../../places/index.ts';

export const ENGLAND = 'E92000001';

/** undefined when England is not among the stored areas. */
export async function loadEnglandSeries(db: Kysely<Database>, indicator: string): Promise<TimeSeries | undefined> {
  if (!(await getArea(db, ENGLAND))) return undefined;
  return timeSeries(db, { indicator, area: ENGLAND });
}
