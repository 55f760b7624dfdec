/** Finds successive strings in a text and says which line each is on (for JSON problems). */
export function lineLocator(text: string): { next(needle: string): number | undefined } {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  let cursor = 0;
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return {
    next(needle) {
      const at = text.indexOf(needle, cursor);
      if (at === -1) return undefined;
      cursor = at + needle.length;
      return lineAt(at);
    },
  };
}
