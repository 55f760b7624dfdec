/** Parameters for the govukPagination macro, from a page number and a page count. */
export interface PaginationItem {
  number?: number;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
}

export interface PaginationView {
  previous?: { href: string };
  next?: { href: string };
  items: PaginationItem[];
}

/**
 * Pages 1 and last, the current one and its neighbours, with ellipses between the gaps;
 * undefined when there is only one page.
 */
export function paginationFor(page: number, pageCount: number, hrefOf: (page: number) => string): PaginationView | undefined {
  if (pageCount <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let last = 0;
  for (const n of shown) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push(n === page ? { number: n, href: hrefOf(n), current: true } : { number: n, href: hrefOf(n) });
    last = n;
  }
  return {
    ...(page > 1 ? { previous: { href: hrefOf(page - 1) } } : {}),
    ...(page < pageCount ? { next: { href: hrefOf(page + 1) } } : {}),
    items,
  };
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
