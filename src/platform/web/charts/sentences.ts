/**
 * Plain-English summaries for charts and maps, used as their descriptions and beside them on pages:
 * "Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24".
 * Values are compared as formatted, so a change too small to show is not called a rise or a fall.
 */

/** The same words as indicator definitions use; only the first two say which way is better. */
export type TrendPolarity = 'higher_is_better' | 'lower_is_better' | 'target_range' | 'none';

export interface LabelledValue {
  label: string;
  value: number;
}

export interface TrendSentenceInput {
  /** what changed and where: "Recycling rate in Trafford" */
  subject: string;
  first: LabelledValue;
  last: LabelledValue;
  format: (value: number) => string;
  polarity?: TrendPolarity;
}

/** One sentence, without a full stop, so it can be used as a title or joined with others. */
export function trendSentence(input: TrendSentenceInput): string {
  const { subject, first, last, format } = input;
  const from = format(first.value);
  const to = format(last.value);
  if (from === to) return `${subject} was ${to} in both ${first.label} and ${last.label}`;
  const rose = last.value > first.value;
  const judgement = judge(rose, input.polarity);
  return `${subject} ${rose ? 'rose' : 'fell'} from ${from} in ${first.label} to ${to} in ${last.label}${judgement}`;
}

function judge(rose: boolean, polarity: TrendPolarity | undefined): string {
  if (polarity === 'higher_is_better') return rose ? ', which is better' : ', which is worse';
  if (polarity === 'lower_is_better') return rose ? ', which is worse' : ', which is better';
  return '';
}

export interface NamedValue {
  name: string;
  value: number | null;
}

/**
 * The lowest and highest values and who has them, and how many have none:
 * "Values range from 23.1% (Newham) to 64.2% (South Oxfordshire). No data for 3 of 361 areas."
 */
export function rangeSentence(input: { items: readonly NamedValue[]; format: (value: number) => string; noun?: string }): string {
  const noun = input.noun ?? 'areas';
  const known = input.items
    .filter((i): i is { name: string; value: number } => i.value !== null && Number.isFinite(i.value))
    .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name, 'en-GB'));
  const missing = input.items.length - known.length;
  const gap = missing > 0 ? ` No data for ${missing} of ${input.items.length} ${noun}.` : '';
  const lowest = known[0];
  const highest = known[known.length - 1];
  if (!lowest || !highest) return `No data for any of the ${input.items.length} ${noun}.`;
  if (known.length === 1) return `Only ${lowest.name} has a value: ${input.format(lowest.value)}.${gap}`;
  const who = (value: number) => {
    const names = known.filter((k) => k.value === value).map((k) => k.name);
    return names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`;
  };
  if (lowest.value === highest.value) return `All ${known.length} values are ${input.format(lowest.value)}.${gap}`;
  return `Values range from ${input.format(lowest.value)} (${who(lowest.value)}) to ${input.format(highest.value)} (${who(highest.value)}).${gap}`;
}
