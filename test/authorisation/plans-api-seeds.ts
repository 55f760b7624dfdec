/**
 * What the matrix's plans API routes act on: a new service plan of Trafford's (a priority and an
 * action it owns) for each call, as a file to import or already imported by the command line.
 */
import { cliActor } from '../../src/modules/accounts/index.ts';
import { importPlans } from '../../src/modules/plans/index.ts';
import { TRAFFORD, TRAFFORD_AREA } from '../support/submission-factories.ts';
import type { World } from './world.ts';

let made = 0;

/** A service plan of Trafford's no earlier call made, in the import format. */
export function traffordServicePlan(): { plans: object[] } {
  const id = `matrix-service-plan-${++made}`;
  return {
    plans: [
      {
        id,
        kind: 'service_plan',
        owner: TRAFFORD,
        area: TRAFFORD_AREA,
        title: `Street cleansing service plan ${made}`,
        inForceFrom: '2025-04-01',
        publish: true,
        items: [
          { kind: 'priority', key: 'P1', title: 'Clean streets' },
          { kind: 'action', key: 'A1', parent: 'P1', title: 'Sweep the town centre daily', due: '2026-03-31' },
        ],
      },
    ],
  };
}

/** A new service plan of Trafford's, imported and published; its id (its action is A1). */
export async function importedServicePlan(w: World): Promise<string> {
  const file = traffordServicePlan();
  await importPlans(w.db, cliActor(), { name: 'matrix.json', content: JSON.stringify(file) }, { clock: w.clock });
  return (file.plans[0] as { id: string }).id;
}

/** A progress report no earlier call sent, so each one is recorded. */
export function progressReport(): { progress: number; state: string; asOf: string } {
  return { progress: ++made % 101, state: 'in_progress', asOf: '2025-05-31' };
}
