/** The about page: what Local Vision is, and every data source with its publisher, licence and attribution. */
import type { DataSourceAttribution } from '../../deps.ts';

const LICENCE_LINKS: { pattern: RegExp; href: string }[] = [
  { pattern: /open government licence v?3/i, href: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
  { pattern: /^cc by 4\.0$/i, href: 'https://creativecommons.org/licenses/by/4.0/' },
];

export interface DataSourceView {
  title: string;
  publisher: string;
  licence: { text: string; href: string | undefined };
  attribution: string;
  files: string[];
}

export interface AboutPageView {
  pageTitle: string;
  sources: DataSourceView[];
  /** The Ordnance Survey statement the boundary and lookup data require. */
  osStatement: string;
}

export function licenceLink(licence: string): string | undefined {
  return LICENCE_LINKS.find((l) => l.pattern.test(licence.trim()))?.href;
}

export function osStatement(year: number): string {
  return `Contains OS data © Crown copyright and database right ${year}. Contains National Statistics data © Crown copyright and database right ${year}.`;
}

export function aboutPageView(sources: readonly DataSourceAttribution[], now: Date): AboutPageView {
  return {
    pageTitle: 'About Local Vision and its data',
    sources: sources.map((s) => ({
      title: s.title,
      publisher: s.publisher,
      licence: { text: s.licence, href: licenceLink(s.licence) },
      attribution: s.attribution,
      files: [...s.files],
    })),
    osStatement: osStatement(now.getUTCFullYear()),
  };
}

/** The distinct attribution statements, in the order the sources give them (for every page's footer). */
export function footerAttributions(sources: readonly DataSourceAttribution[]): string[] {
  return [...new Set(sources.map((s) => s.attribution.trim()).filter((a) => a !== ''))];
}
