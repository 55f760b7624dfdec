/** A way up the golden thread, from an item to the vision it serves, as a sentence and a list of steps. */
import { PLAN_KIND_NAMES, type ThreadChain, type ThreadStep } from '../../index.ts';
import { planUrls } from '../urls.ts';
import { itemKindInWords, statusTag, type Tag } from '../words.ts';

export interface ChainStepView {
  title: string;
  href: string | undefined;
  kindText: string;
  planTitle: string;
  statusTag: Tag | undefined;
}

export interface ChainView {
  sentence: string;
  /** the steps above the item asked about, nearest first */
  steps: ChainStepView[];
  topTitle: string;
  vision: string;
}

const linkable = (s: ThreadStep) => s.kind === 'target' || s.kind === 'action';

function stepView(s: ThreadStep): ChainStepView {
  return {
    title: s.title,
    href: linkable(s) ? planUrls.item(s.ref.planId, s.ref.key) : planUrls.plan(s.ref.planId),
    kindText: itemKindInWords(s.kind, s.plan.kind),
    planTitle: s.plan.title,
    statusTag: s.cancelled ? undefined : statusTag(s.status),
  };
}

/**
 * "This target serves Recycle more (Trafford LAA), which serves Less waste (Trafford Strategy), in
 * Trafford Strategy (a Sustainable Community Strategy), whose vision is “…”."
 */
export function chainView(chain: ThreadChain): ChainView {
  const [start, ...above] = chain.steps;
  const startPlan = start?.plan.id;
  const named = (s: ThreadStep) => (s.plan.id === startPlan && s.via === 'parent' ? s.title : `${s.title} (${s.plan.title})`);
  const kind = start ? itemKindInWords(start.kind, start.plan.kind) : 'item';
  const top = `${chain.top.title} (a ${PLAN_KIND_NAMES[chain.top.kind]})`;
  const ending = chain.top.vision ? `${top}, whose vision is “${chain.top.vision.trim()}”` : `${top}, which states no vision`;
  const said =
    above.length === 0
      ? `This ${kind} is at the top of ${ending}`
      : `This ${kind} serves ${above.map(named).join(', which serves ')}, in ${ending}`;
  // a vision that ends its own sentence ends this one too
  const sentence = /[.!?]”$/.test(said) ? said : `${said}.`;
  return {
    sentence,
    steps: above.map(stepView),
    topTitle: chain.top.title,
    vision: chain.top.vision?.trim() || 'No vision is stated.',
  };
}
