/**
 * axe-core on a page against WCAG 2.2 AA. Violations come back as readable lines (rule, help, each
 * failing element and why), so a failing test says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

function describeViolation(v: Violation): string {
  const nodes = v.nodes.map((node) => {
    const why = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
    return `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${why}`;
  });
  return `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
}

/** One line (with its failing nodes) per violation; empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(describeViolation);
}
