/**
 * The checks every plan rule makes of its input before judging anything, each problem named by its
 * field: a direction that is one of higher, lower or range; finite numbers; a range only for a range
 * target, with its low end not above its high end; milestones in period order after the baseline and
 * before the target, no period twice; a tolerance of 0 or more (at most 100 when a percentage); each
 * published period once. Importers call these to report problems before anything is written; the rules
 * throw a ValidationError listing them.
 */
import { ValidationError, type ProblemDetail } from '../../../platform/errors.ts';
import type { Period } from '../../periods/index.ts';
import { TARGET_DIRECTIONS, type StatusInput, type TargetDirection, type TargetValue } from '../plans.types.ts';

export type TrajectoryInput = Pick<StatusInput, 'direction' | 'baseline' | 'target' | 'milestones'>;

type Actuals = readonly StatusInput['actuals'][number][];

function numberProblems(field: string, value: unknown): ProblemDetail[] {
  return typeof value === 'number' && Number.isFinite(value) ? [] : [{ field, value, reason: 'must be a finite number' }];
}

export function valueProblems(field: string, value: TargetValue, direction: TargetDirection): ProblemDetail[] {
  if ('value' in value) return numberProblems(`${field}.value`, value.value);
  const problems = [...numberProblems(`${field}.low`, value.low), ...numberProblems(`${field}.high`, value.high)];
  if (direction !== 'range') {
    problems.push({
      field,
      value,
      reason: `a range (low to high) is only for a range target; this target's direction is ${direction}`,
    });
  }
  if (problems.length === 0 && value.low > value.high) {
    problems.push({ field, value, reason: `the low end (${value.low}) is above the high end (${value.high})` });
  }
  return problems;
}

export function directionProblems(direction: unknown): ProblemDetail[] {
  return (TARGET_DIRECTIONS as readonly unknown[]).includes(direction)
    ? []
    : [{ field: 'direction', value: direction, reason: `must be one of ${TARGET_DIRECTIONS.join(', ')}` }];
}

/** Milestones strictly in period order, each after the baseline and before the target period. */
function orderProblems(input: TrajectoryInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const { baseline, target } = input;
  if (baseline && target.period.start <= baseline.period.start) {
    problems.push({
      field: 'target.period',
      value: target.period.key,
      reason: `the target period (${target.period.label}) must come after the baseline period (${baseline.period.label})`,
    });
  }
  let previous: { period: Period; what: string } | null = baseline ? { period: baseline.period, what: 'the baseline' } : null;
  input.milestones.forEach((m, i) => {
    const field = `milestones[${i}].period`;
    if (previous && m.period.key === previous.period.key) {
      problems.push({ field, value: m.period.key, reason: `${m.period.label} appears twice (also ${previous.what})` });
    } else if (previous && m.period.start <= previous.period.start) {
      problems.push({
        field,
        value: m.period.key,
        reason: `milestones must be in period order after the baseline: ${m.period.label} does not come after ${previous.what} (${previous.period.label})`,
      });
    }
    if (m.period.start >= target.period.start) {
      const same = m.period.key === target.period.key;
      problems.push({
        field,
        value: m.period.key,
        reason: same
          ? `${m.period.label} is the target period; a milestone comes before the target`
          : `a milestone must come before the target period (${target.period.label})`,
      });
    }
    previous = { period: m.period, what: `the milestone for ${m.period.label}` };
  });
  return problems;
}

/** Problems with a target's direction, baseline, milestones and target value. */
export function trajectoryProblems(input: TrajectoryInput): ProblemDetail[] {
  const direction = input.direction;
  const problems = directionProblems(direction);
  if (input.baseline) problems.push(...numberProblems('baseline.value', input.baseline.value));
  if (input.target.value) problems.push(...valueProblems('target.value', input.target.value, direction));
  input.milestones.forEach((m, i) => problems.push(...valueProblems(`milestones[${i}].value`, m.value, direction)));
  return [...problems, ...orderProblems(input)];
}

export function toleranceProblems(rule: StatusInput['rule']): ProblemDetail[] {
  const { tolerance, toleranceKind } = rule;
  if (toleranceKind !== 'absolute' && toleranceKind !== 'percent') {
    return [{ field: 'rule.toleranceKind', value: toleranceKind, reason: 'must be absolute or percent' }];
  }
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance)) {
    return [{ field: 'rule.tolerance', value: tolerance, reason: 'must be a finite number' }];
  }
  if (tolerance < 0) return [{ field: 'rule.tolerance', value: tolerance, reason: 'must not be negative' }];
  if (toleranceKind === 'percent' && tolerance > 100) {
    return [{ field: 'rule.tolerance', value: tolerance, reason: 'a percentage tolerance must be at most 100' }];
  }
  return [];
}

/** Each published value a finite number or null (a gap), each period at most once. */
export function actualsProblems(actuals: Actuals): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>();
  actuals.forEach((a, i) => {
    if (a.value !== null) problems.push(...numberProblems(`actuals[${i}].value`, a.value));
    if (seen.has(a.period.key)) {
      problems.push({ field: `actuals[${i}].period`, value: a.period.key, reason: `${a.period.label} appears twice` });
    }
    seen.add(a.period.key);
  });
  return problems;
}

/** Throws a ValidationError naming every problem's field, or returns when there are none. */
export function assertNoProblems(what: string, problems: ProblemDetail[]): void {
  if (problems.length === 0) return;
  const listed = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
  throw new ValidationError(`${what}: ${listed}`, problems);
}
