/** The area profile's figures: the area, its parents, children and councils, and every indicator for it. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import { areaProfile, type AreaProfile } from '../../../analysis/index.ts';
import { councilsForArea, type Body } from '../../../bodies/index.ts';
import { getArea, getChildren, getParents, type Area } from '../../../places/index.ts';

export interface AreaPageData {
  area: Area;
  parents: Area[];
  children: Area[];
  councils: (Body & { tier: string | null })[];
  profile: AreaProfile;
}

export async function loadAreaPage(db: Kysely<Database>, code: string): Promise<AreaPageData> {
  const area = (await getArea(db, code)) ?? (await getArea(db, code.toUpperCase()));
  if (!area) throw new NotFoundError(`No area has the code ${code}`);
  const [parents, children, councils, profile] = await Promise.all([
    getParents(db, area.code),
    getChildren(db, area.code),
    councilsForArea(db, area.code),
    areaProfile(db, { area: area.code, includeDerived: true }),
  ]);
  return { area, parents, children, councils, profile };
}
