/** Trigger rule versions as JSON: the rules in force and every version, with their parameters and why they changed. */
import { z } from 'zod';
import { ANY, TRIGGER_KINDS, type TriggerRuleVersion } from '../improvement.types.ts';
import { kindName } from './case-presenters.ts';

export const ruleVersionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(TRIGGER_KINDS),
  kindName: z.string(),
  scope: z
    .object({
      body: z.string().describe('a council’s id, or * for every council'),
      indicator: z.string().describe('an indicator’s code, or * for every indicator'),
      description: z.string(),
    })
    .describe('the most specific scope with a version wins'),
  version: z.number().int(),
  enabled: z.boolean(),
  params: z
    .record(z.string(), z.unknown())
    .describe('the rule’s parameters: openAtRung, recoveryPeriods and the kind’s own (periods, comparator, graceDays…)'),
  createdAt: z.string(),
  createdBy: z.string().describe('who, as the audit log names them'),
  reason: z.string().nullable(),
});

export function scopeDescription(bodyId: string, indicatorCode: string): string {
  if (bodyId === ANY && indicatorCode === ANY) return 'every council, every indicator';
  if (bodyId === ANY) return `every council, indicator ${indicatorCode}`;
  if (indicatorCode === ANY) return `${bodyId}, every indicator`;
  return `${bodyId}, indicator ${indicatorCode}`;
}

export const presentRuleVersion = (r: TriggerRuleVersion): z.infer<typeof ruleVersionSchema> => ({
  id: r.id,
  kind: r.kind,
  kindName: kindName(r.kind),
  scope: { body: r.bodyId, indicator: r.indicatorCode, description: scopeDescription(r.bodyId, r.indicatorCode) },
  version: r.version,
  enabled: r.enabled,
  params: { ...r.params },
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  reason: r.reason,
});

export const rulesSchema = z.object({
  inForce: z.array(ruleVersionSchema).describe('the latest version of each kind and scope'),
  versions: z.array(ruleVersionSchema).describe('every version, by kind, scope and version'),
  links: z.object({ self: z.string(), html: z.string() }),
});
