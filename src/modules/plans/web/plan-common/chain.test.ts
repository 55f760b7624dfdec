import { describe, expect, it } from 'vitest';
import type { PlanKind, ThreadChain, ThreadStep } from '../../index.ts';
import { chainView } from './chain.ts';

const step = (
  planId: string,
  planKind: PlanKind,
  key: string,
  kind: ThreadStep['kind'],
  title: string,
  via: ThreadStep['via'],
): ThreadStep =>
  ({
    ref: { planId, key },
    kind,
    title,
    plan: {
      id: planId,
      kind: planKind,
      title: planId === 'scs' ? 'Trafford Strategy' : planId === 'laa' ? 'Trafford LAA' : 'Waste plan',
    },
    status: 'on_track',
    cancelled: false,
    via,
  }) as ThreadStep;

const top = { planId: 'scs', kind: 'community_strategy' as const, title: 'Trafford Strategy', vision: ' A greener Trafford. ' };

describe('the chain up to the vision, in words', () => {
  it('names each step, with its plan where the chain crosses into another', () => {
    const chain: ThreadChain = {
      steps: [
        step('waste', 'service_plan', 'A1', 'action', 'Food waste caddies', 'start'),
        step('laa', 'laa', 'N1', 'target', 'Recycle 60%', 'serves'),
        step('laa', 'laa', 'O1', 'priority', 'Recycle more', 'parent'),
        step('scs', 'community_strategy', 'waste', 'priority', 'Less waste', 'serves'),
      ],
      top,
    };
    const view = chainView(chain);
    expect(view.sentence).toBe(
      'This action serves Recycle 60% (Trafford LAA), which serves Recycle more (Trafford LAA), which serves Less waste (Trafford Strategy), in Trafford Strategy (a Sustainable Community Strategy), whose vision is “A greener Trafford.”',
    );
    expect(view.steps.map((s) => [s.title, s.kindText, s.href])).toEqual([
      ['Recycle 60%', 'target', '/plans/laa/items/N1'],
      ['Recycle more', 'outcome', '/plans/laa'],
      ['Less waste', 'priority', '/plans/scs'],
    ]);
    expect(view.vision).toBe('A greener Trafford.');
  });

  it('says when an item is itself at the top, and when the plan states no vision', () => {
    const view = chainView({
      steps: [step('scs', 'community_strategy', 'green', 'theme', 'Greener', 'start')],
      top: { ...top, vision: null },
    });
    expect(view.sentence).toBe(
      'This theme is at the top of Trafford Strategy (a Sustainable Community Strategy), which states no vision.',
    );
    expect(view.vision).toBe('No vision is stated.');
  });
});
