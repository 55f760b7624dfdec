/**
 * Which version of a target's status rule applies on a date. Pure.
 *
 * The rule in force on a date is the version with the latest `inForceFrom` on or before it (two from
 * the same day: the higher version). Before its first version a target has no rule, and is not judged.
 */
import type { StatusRule } from './plans.types.ts';

export function ruleInForce(rules: readonly StatusRule[], date: string): StatusRule | null {
  let best: StatusRule | null = null;
  for (const r of rules) {
    if (r.inForceFrom > date) continue;
    if (!best || r.inForceFrom > best.inForceFrom || (r.inForceFrom === best.inForceFrom && r.version > best.version)) best = r;
  }
  return best;
}
