/**
 * The small SVG vocabulary every chart shares: escaping, attribute lists, rounding and the accessible
 * outer element. Output is plain strings so it is deterministic and needs no DOM.
 */

import { FONT_SIZE } from './text.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for XML content or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export type AttributeValue = string | number | boolean | undefined | null;

/** ` a="1" b="x"` — escaped, in the order given; `undefined`, `null` and `false` are left out. */
export function attrs(list: Record<string, AttributeValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(list)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${escapeXml(value === true ? name : String(value))}"`;
  }
  return out;
}

/** An element with escaped text content. */
export function textElement(name: string, attributes: Record<string, AttributeValue>, text: string): string {
  return `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`;
}

/** Round to one decimal place, without "-0" or trailing ".0", so coordinates are short and stable. */
export function round1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

/** The page's font wins where its stylesheet sets one; this is for the SVG on its own. */
const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Element ids inside a chart are prefixed with its id, so several charts can share a page. */
export function assertChartId(id: string): void {
  if (!ID_PATTERN.test(id)) throw new Error(`Chart id must start with a letter and use only letters, digits, - and _: ${id}`);
}

export interface SvgFrame {
  id: string;
  title: string;
  summary?: string | undefined;
  width: number;
  height: number;
  /** extra classes beside `lv-chart` */
  className: string;
  /**
   * `img` (the default) for a picture; `group` when it holds links, since an image's children are
   * presentational and links inside one would be hidden from assistive technology.
   */
  role?: 'img' | 'group';
  fontSize?: number;
  hidden?: boolean;
}

/** The outer `<svg>` with its title and description, around the given body. */
export function svgDocument(frame: SvgFrame, body: string): string {
  assertChartId(frame.id);
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  const hasDesc = frame.summary !== undefined && frame.summary !== '';
  const open = `<svg${attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    id: frame.id,
    class: `lv-chart ${frame.className}`,
    viewBox: `0 0 ${round1(frame.width)} ${round1(frame.height)}`,
    preserveAspectRatio: 'xMidYMid meet',
    'font-family': FONT_FAMILY,
    'font-size': frame.fontSize ?? FONT_SIZE,
    role: frame.hidden ? undefined : (frame.role ?? 'img'),
    'aria-labelledby': frame.hidden ? undefined : titleId,
    'aria-describedby': !frame.hidden && hasDesc ? descId : undefined,
    'aria-hidden': frame.hidden ? 'true' : undefined,
    focusable: frame.hidden ? 'false' : undefined,
  })}>`;
  const head = frame.hidden
    ? ''
    : textElement('title', { id: titleId }, frame.title) +
      (hasDesc ? textElement('desc', { id: descId }, frame.summary ?? '') : '');
  return `${open}${head}${body}</svg>`;
}
