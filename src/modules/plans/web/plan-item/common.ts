/** What the target and action pages share: linked items, and the draft's change and remove links. */
import type { LinkedItem } from '../../index.ts';
import { planUrls } from '../urls.ts';
import { itemKindInWords, statusTag, type Tag } from '../words.ts';

export interface LinkedItemView {
  title: string;
  href: string;
  kindText: string;
  planTitle: string;
  statusTag: Tag | undefined;
}

export function linkedItemView(l: LinkedItem): LinkedItemView {
  const leaf = l.kind === 'target' || l.kind === 'action';
  return {
    title: l.title,
    href: leaf ? planUrls.item(l.ref.planId, l.ref.key) : planUrls.plan(l.ref.planId),
    kindText: itemKindInWords(l.kind, l.plan.kind),
    planTitle: l.plan.title,
    statusTag: l.cancelled ? { text: 'Cancelled', classes: 'govuk-tag--grey' } : l.status ? statusTag(l.status) : undefined,
  };
}

/** On the draft, for those who may edit it: change or remove the item. */
export interface ItemEditingView {
  changeHref: string;
  removeHref: string;
}

export function itemEditing(planId: string, key: string, onDraft: boolean, mayEdit: boolean): ItemEditingView | undefined {
  return onDraft && mayEdit
    ? { changeHref: planUrls.editItem(planId, key), removeHref: planUrls.removeItem(planId, key) }
    : undefined;
}
