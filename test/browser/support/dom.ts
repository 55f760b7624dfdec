/**
 * The little of the DOM that the checks run inside the page use. The project type-checks against
 * Node's globals only (no "dom" lib), so in-page functions read `globalThis as unknown as PageWindow`.
 */
export interface PageElement {
  tagName: string;
  id: string;
  classList: Iterable<string>;
  parentElement: PageElement | null;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number };
  matches(selector: string): boolean;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

export interface PageWindow {
  document: { documentElement: PageElement; body: PageElement; activeElement: PageElement | null };
  getComputedStyle(element: PageElement): { overflowX: string; position: string };
}
