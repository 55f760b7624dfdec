/** Typed addresses of the definition pages, used by routes, view models and tests alike. */
import type { DefinitionOutcome } from '../definitions.service.ts';

function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || (name === 'page' && value === 1)) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

const code = (value: string) => encodeURIComponent(value);

export const definitionUrls = {
  /** the form for a new indicator of `owner` (a council's body id), or a national one (null) */
  newIndicator: (owner: string | null): string => withQuery('/indicators/new', { owner }),
  /** the form for an indicator's definition; `saved` says what the last save did (a fixed message, never text from the address) */
  edit: (indicator: string, q: { saved?: DefinitionOutcome } = {}): string =>
    withQuery(`/indicators/${code(indicator)}/edit`, { saved: q.saved }),
  local: (bodyId: string, q: { page?: number } = {}): string => withQuery('/indicators/local', { body: bodyId, page: q.page }),
  /** the local indicators of the council(s) the person signed in defines them for */
  localOfMine: (): string => '/indicators/local',
  national: (q: { q?: string; page?: number } = {}): string => withQuery('/indicators/national', { q: q.q, page: q.page }),
  /** the public page of the indicator (the site's) */
  indicator: (indicator: string): string => `/indicators/${code(indicator)}`,
};
