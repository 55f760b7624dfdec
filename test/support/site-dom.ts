/**
 * Finding things in a page as a person (or a screen reader) would: by role and accessible name, and
 * form controls by their label. A small subset of Testing Library's queries over node-html-parser.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export type { HTMLElement };

export type Role =
  | 'alert'
  | 'banner'
  | 'button'
  | 'cell'
  | 'columnheader'
  | 'contentinfo'
  | 'group'
  | 'heading'
  | 'img'
  | 'link'
  | 'list'
  | 'listitem'
  | 'main'
  | 'navigation'
  | 'region'
  | 'row'
  | 'search'
  | 'searchbox'
  | 'table'
  | 'textbox';

/** Elements that have each role, implicitly or by a role attribute. */
const ROLE_SELECTORS: Record<Role, string> = {
  alert: '[role=alert]',
  banner: 'header,[role=banner]',
  button: 'button,input[type=submit],input[type=button],[role=button]',
  cell: 'td,[role=cell]',
  columnheader: 'th[scope=col],thead th,[role=columnheader]',
  contentinfo: 'footer,[role=contentinfo]',
  group: '[role=group]',
  heading: 'h1,h2,h3,h4,h5,h6,[role=heading]',
  img: 'img,[role=img]',
  link: 'a[href],[role=link]',
  list: 'ul,ol,[role=list]',
  listitem: 'li,[role=listitem]',
  main: 'main,[role=main]',
  navigation: 'nav,[role=navigation]',
  region: '[role=region]',
  row: 'tr,[role=row]',
  search: 'search,[role=search]',
  searchbox: 'input[type=search],[role=searchbox]',
  table: 'table,[role=table]',
  textbox: 'input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=url],textarea,[role=textbox]',
};

/** header and footer are landmarks only outside sectioning content. */
const SECTIONING = 'article,aside,main,nav,section';

export type NameMatcher = string | RegExp;

export interface RoleOptions {
  name?: NameMatcher;
  level?: number;
}

export function parsePage(html: string): HTMLElement {
  return parse(html, { comment: false });
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a person hears, hidden parts left out. */
export function textOf(el: HTMLElement): string {
  if (isHidden(el)) return '';
  return normalise(el.text);
}

function isHidden(el: HTMLElement): boolean {
  for (let node: HTMLElement | null = el; node && node.tagName; node = node.parentNode) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

function rootOf(el: HTMLElement): HTMLElement {
  let node = el;
  while (node.parentNode) node = node.parentNode;
  return node;
}

/** The accessible name: aria-labelledby, aria-label, a label, a caption, or the element's text. */
export function accessibleName(el: HTMLElement): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = rootOf(el);
    return normalise(
      labelledBy
        .split(/\s+/)
        .map((id) => root.querySelector(`#${id}`)?.text ?? '')
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return normalise(label);
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    const id = el.getAttribute('id');
    const byFor = id ? rootOf(el).querySelector(`label[for="${id}"]`) : null;
    const wrapping = el.closest('label');
    if (byFor ?? wrapping) return textOf((byFor ?? wrapping)!);
    return normalise(el.getAttribute('value') ?? '');
  }
  if (tag === 'table') return normalise(el.querySelector('caption')?.text ?? '');
  if (['nav', 'main', 'header', 'footer', 'ul', 'ol', 'form', 'section', 'search'].includes(tag)) return '';
  return textOf(el);
}

function roleMatches(el: HTMLElement, role: Role): boolean {
  const explicit = el.getAttribute('role');
  if (explicit && explicit !== role) return false;
  if ((role === 'banner' || role === 'contentinfo') && !explicit) {
    const parent = el.parentNode;
    if (parent && parent.tagName && parent.closest(SECTIONING)) return false;
  }
  return true;
}

function levelOf(el: HTMLElement): number | undefined {
  const aria = el.getAttribute('aria-level');
  if (aria) return Number(aria);
  const m = /^h([1-6])$/i.exec(el.tagName);
  return m ? Number(m[1]) : undefined;
}

function nameMatches(name: string, matcher: NameMatcher | undefined): boolean {
  if (matcher === undefined) return true;
  return typeof matcher === 'string' ? name === normalise(matcher) : matcher.test(name);
}

export function queryAllByRole(container: HTMLElement, role: Role, opts: RoleOptions = {}): HTMLElement[] {
  return container
    .querySelectorAll(ROLE_SELECTORS[role])
    .filter((el) => roleMatches(el, role) && !isHidden(el))
    .filter((el) => opts.level === undefined || levelOf(el) === opts.level)
    .filter((el) => nameMatches(accessibleName(el), opts.name));
}

function describe(role: Role, opts: RoleOptions): string {
  return `role "${role}"${opts.name !== undefined ? ` named ${String(opts.name)}` : ''}${opts.level !== undefined ? ` at level ${opts.level}` : ''}`;
}

export function getAllByRole(container: HTMLElement, role: Role, opts: RoleOptions = {}): HTMLElement[] {
  const found = queryAllByRole(container, role, opts);
  if (found.length === 0) {
    const names = queryAllByRole(container, role).map((el) => JSON.stringify(accessibleName(el)));
    throw new Error(`No element with ${describe(role, opts)}. Elements with that role: ${names.join(', ') || 'none'}`);
  }
  return found;
}

export function getByRole(container: HTMLElement, role: Role, opts: RoleOptions = {}): HTMLElement {
  const found = getAllByRole(container, role, opts);
  if (found.length > 1) throw new Error(`${found.length} elements with ${describe(role, opts)}: expected one`);
  return found[0]!;
}

/** The form control whose label (or aria-label) is `text`. */
export function getByLabelText(container: HTMLElement, text: NameMatcher): HTMLElement {
  const controls = container
    .querySelectorAll('input,select,textarea')
    .filter((el) => el.getAttribute('type') !== 'hidden' && nameMatches(accessibleName(el), text));
  if (controls.length !== 1) throw new Error(`${controls.length} form controls labelled ${String(text)}: expected one`);
  return controls[0]!;
}
