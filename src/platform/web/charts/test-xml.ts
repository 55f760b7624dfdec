/**
 * For tests: a strict check that a string is well-formed XML (balanced tags, quoted attributes, no
 * stray `<` or `&`), and a parse of it that tests can query with CSS selectors.
 */
import { type HTMLElement, parse } from 'node-html-parser';

const TOKEN = /<!--[\s\S]*?-->|<\/?[^>]*>|[^<]+|</g;
const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTRIBUTE = /\s+([^\s=/>]+)="([^"]*)"/g;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  for (const [token] of xml.matchAll(TOKEN)) {
    if (token.startsWith('<!--')) continue;
    if (token === '<' || (token.startsWith('<') && !token.endsWith('>'))) {
      problems.push(`stray "<" near ${JSON.stringify(token.slice(0, 30))}`);
    } else if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim();
      const expected = open.pop();
      if (name !== expected) problems.push(`</${name}> closes <${expected ?? 'nothing'}>`);
    } else if (token.startsWith('<')) {
      const selfClosing = token.endsWith('/>');
      const inner = token.slice(1, selfClosing ? -2 : -1);
      const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
      if (!NAME.test(name)) problems.push(`bad element name in ${token.slice(0, 30)}`);
      problems.push(...attributeProblems(name, inner.slice(name.length)));
      if (open.length === 0) roots += 1;
      if (!selfClosing) open.push(name);
    } else if (ENTITY.test(token)) {
      problems.push(`unescaped "&" in text ${JSON.stringify(token.slice(0, 30))}`);
    } else if (open.length === 0 && token.trim() !== '') {
      problems.push('text outside the root element');
    }
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

function attributeProblems(element: string, text: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const rest = text.replace(ATTRIBUTE, (_, name: string, value: string) => {
    if (seen.has(name)) problems.push(`<${element}> repeats ${name}`);
    seen.add(name);
    if (!NAME.test(name)) problems.push(`<${element}> has a bad attribute name ${name}`);
    if (ENTITY.test(value) || value.includes('<')) problems.push(`<${element} ${name}> has an unescaped value`);
    return '';
  });
  if (rest.trim() !== '') problems.push(`<${element}> has unparsed attribute text ${JSON.stringify(rest.trim().slice(0, 30))}`);
  return problems;
}

/** Checks well-formedness, then parses; the root `<svg>` element is returned. */
export function parseSvg(svg: string): HTMLElement {
  const problems = xmlProblems(svg);
  if (problems.length > 0) throw new Error(`Not well-formed XML:\n${problems.slice(0, 10).join('\n')}`);
  const root = parse(svg).querySelector('svg');
  if (!root) throw new Error('No <svg> element');
  return root;
}

/** The accessible name and description as a screen reader would find them through aria-labelledby/-describedby. */
export function accessibleText(svg: HTMLElement): { name: string | undefined; description: string | undefined } {
  const byId = (id: string | undefined) => (id ? svg.querySelector(`[id="${id}"]`)?.text : undefined);
  return { name: byId(svg.getAttribute('aria-labelledby')), description: byId(svg.getAttribute('aria-describedby')) };
}
