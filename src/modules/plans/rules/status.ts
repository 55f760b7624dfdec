/**
 * A target's status from its published figures.
 *
 * - The figure judged is the latest period with a figure, on or after the baseline period when there
 *   is a baseline (figures from before the baseline are not judged).
 * - A figure that meets or beats the final target (higher: at least it; lower: at most it; range:
 *   inside it) is on track, with the target met, whatever the trajectory says.
 * - Otherwise the shortfall against the trajectory's expected value for that period (higher: expected
 *   − figure; lower: figure − expected; range: the distance outside the expected range) decides: 0 or
 *   less is on track, up to the tolerance is at risk, beyond it is off track (with a tolerance of 0,
 *   any shortfall is off track). A percentage tolerance is that per cent of the expected value (of the
 *   middle of an expected range).
 * - No data, always with a reason: no figure yet; no figure since the baseline; a placeholder target
 *   with no milestones (no target value set yet); nothing expected yet (no baseline, and the figure
 *   comes before the first milestone or target); a placeholder target after its last milestone.
 * The reason is one sentence naming the figure, its period, the expected value and the tolerance.
 */
import type { Period } from '../../periods/index.ts';
import { comparePeriods } from '../../periods/index.ts';
import type { StatusInput, StatusJudgement, TargetValue } from '../plans.types.ts';
import { actualsProblems, assertNoProblems, toleranceProblems, trajectoryProblems } from './checks.ts';
import { expectedAt, trajectoryPoints } from './trajectory.ts';
import { asRange, describeValue, plainNumber, settle, shortfallOf, type ValueFormat } from './values.ts';

export interface StatusWording {
  /** how the indicator's values read ("58.4%"); plain numbers when not given */
  format?: ValueFormat;
  /** how a difference between two values reads ("1.2 percentage points"); `format` when not given */
  differenceFormat?: ValueFormat;
}

/** The two ways numbers read in a reason: values, and differences between values (shortfalls, tolerances). */
interface Wording {
  value: ValueFormat;
  difference: ValueFormat;
}

export type JudgeStatusInput = StatusInput & StatusWording;

interface Figure {
  period: Period;
  value: number;
}

/** Every problem with a judgement's input, each naming its field. */
export function statusProblems(input: StatusInput) {
  return [...trajectoryProblems(input), ...toleranceProblems(input.rule), ...actualsProblems(input.actuals)];
}

function latestFigure(input: StatusInput): { judged: Figure | null; beforeBaseline: Figure | null } {
  const figures = input.actuals.filter((a): a is Figure => a.value !== null).sort((a, b) => comparePeriods(a.period, b.period));
  const baseline = input.baseline?.period;
  const judged = figures.filter((f) => !baseline || f.period.start >= baseline.start);
  return { judged: judged[judged.length - 1] ?? null, beforeBaseline: figures[figures.length - 1] ?? null };
}

/** The tolerance in the indicator's units: a percentage is taken of the expected value (a range's middle). */
export function toleranceAmount(rule: StatusInput['rule'], expected: TargetValue): number {
  if (rule.toleranceKind === 'absolute') return rule.tolerance;
  const { low, high } = asRange(expected);
  return (rule.tolerance / 100) * Math.abs((low + high) / 2);
}

function toleranceWords(rule: StatusInput['rule'], expected: TargetValue | null, w: Wording): string {
  if (rule.toleranceKind === 'absolute') return `a tolerance of ${w.difference(rule.tolerance)}`;
  const amount = expected ? ` (${w.difference(toleranceAmount(rule, expected))})` : '';
  return `a tolerance of ${plainNumber(rule.tolerance)}% of the expected value${amount}`;
}

function expectedWords(expected: TargetValue, format: ValueFormat): string {
  return 'value' in expected
    ? `an expected ${format(expected.value)}`
    : `an expected range of ${describeValue(expected, format)}`;
}

function noData(reason: string, figure: Figure | null): StatusJudgement {
  return {
    status: 'no_data',
    reason,
    period: figure?.period.key ?? null,
    actual: figure?.value ?? null,
    expected: null,
    targetMet: false,
  };
}

/** Why nothing is expected of `figure`: no target value yet, or the trajectory has not started. */
function nothingExpected(input: StatusInput, figure: Figure, said: string, format: ValueFormat): StatusJudgement {
  const points = trajectoryPoints(input);
  const first = points[0];
  if (input.target.value === null && input.milestones.length === 0) {
    return noData(`${said}: no target value set yet, so there is nothing to judge it against.`, figure);
  }
  if (first && figure.period.start < first.period.start) {
    return noData(`${said}: nothing expected before ${first.period.label}, where the trajectory starts.`, figure);
  }
  const last = points[points.length - 1]!;
  const lastValue = describeValue(last.value, format);
  return noData(`${said}: no target value set yet beyond the milestone of ${lastValue} for ${last.period.label}.`, figure);
}

function targetMet(input: StatusInput, figure: Figure, said: string, w: Wording): StatusJudgement {
  const expected = expectedAt(input, figure.period);
  const target = describeValue(input.target.value!, w.value);
  const against = expected
    ? `; the trajectory expected ${describeValue(expected, w.value)}, with ${toleranceWords(input.rule, expected, w)}`
    : `, with ${toleranceWords(input.rule, null, w)}`;
  return {
    status: 'on_track',
    reason: `${said} has met the final target of ${target} for ${input.target.period.label}${against}.`,
    period: figure.period.key,
    actual: figure.value,
    expected,
    targetMet: true,
  };
}

function againstTrajectory(input: StatusInput, figure: Figure, expected: TargetValue, said: string, w: Wording) {
  const shortfall = shortfallOf(figure.value, expected, input.direction);
  const tolerance = toleranceAmount(input.rule, expected);
  const over = settle(shortfall - tolerance, shortfall, tolerance);
  const status = shortfall <= 0 ? 'on_track' : over <= 0 ? 'at_risk' : 'off_track';
  const tolerated = toleranceWords(input.rule, expected, w);
  const behind = input.direction === 'range' ? 'outside the expected range' : 'behind the trajectory';
  const verdict =
    status === 'on_track'
      ? `${input.direction === 'range' ? 'within the expected range' : 'on or ahead of the trajectory'}, with ${tolerated}`
      : `${w.difference(shortfall)} ${behind}, ${status === 'at_risk' ? 'within' : 'beyond'} ${tolerated}`;
  return {
    status,
    reason: `${said} against ${expectedWords(expected, w.value)}: ${verdict}.`,
    period: figure.period.key,
    actual: figure.value,
    expected,
    targetMet: false,
  } satisfies StatusJudgement;
}

/** The status of a target from its figures, trajectory and tolerance, with the reason in one sentence. */
export function judgeStatus(input: JudgeStatusInput): StatusJudgement {
  assertNoProblems('The target cannot be judged', statusProblems(input));
  const format = input.format ?? plainNumber;
  const wording: Wording = { value: format, difference: input.differenceFormat ?? format };
  const { judged, beforeBaseline } = latestFigure(input);
  if (!judged) {
    if (beforeBaseline && input.baseline) {
      const latest = `${format(beforeBaseline.value)} in ${beforeBaseline.period.label}`;
      return noData(
        `No figure has been published since the baseline in ${input.baseline.period.label}; the latest, ${latest}, is from before it.`,
        null,
      );
    }
    return noData('No figure has been published for this target yet.', null);
  }
  const said = `${format(judged.value)} in ${judged.period.label}`;
  if (input.target.value && shortfallOf(judged.value, input.target.value, input.direction) <= 0) {
    return targetMet(input, judged, said, wording);
  }
  const expected = input.target.value === null && input.milestones.length === 0 ? null : expectedAt(input, judged.period);
  if (!expected) return nothingExpected(input, judged, said, format);
  return againstTrajectory(input, judged, expected, said, wording);
}
