import { describe, expect, it } from 'vitest';
import { pageCountOf, paginationFor } from './pagination.ts';

const href = (n: number) => `/search?page=${n}`;
const numbers = (page: number, count: number) =>
  paginationFor(page, count, href)?.items.map((i) => (i.ellipsis ? '…' : i.current ? `[${i.number}]` : String(i.number)));

describe('paginationFor', () => {
  it('is not shown for a single page', () => {
    expect(paginationFor(1, 1, href)).toBeUndefined();
  });

  it.each([
    [1, 2, ['[1]', '2']],
    [1, 10, ['[1]', '2', '…', '10']],
    [5, 10, ['1', '…', '4', '[5]', '6', '…', '10']],
    [10, 10, ['1', '…', '9', '[10]']],
    [3, 5, ['1', '2', '[3]', '4', '5']],
  ])('page %i of %i shows %j', (page, count, expected) => {
    expect(numbers(page, count)).toEqual(expected);
  });

  it('links previous and next only where they exist', () => {
    expect(paginationFor(1, 3, href)).toMatchObject({ next: { href: '/search?page=2' } });
    expect(paginationFor(1, 3, href)?.previous).toBeUndefined();
    expect(paginationFor(3, 3, href)).toMatchObject({ previous: { href: '/search?page=2' } });
    expect(paginationFor(3, 3, href)?.next).toBeUndefined();
  });
});

describe('pageCountOf', () => {
  it.each([
    [0, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
  ])('%i rows of %i a page make %i pages', (total, size, pages) => {
    expect(pageCountOf(total, size)).toBe(pages);
  });
});
