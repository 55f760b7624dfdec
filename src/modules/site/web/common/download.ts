/** What sits under every table: the CSV download, the JSON API address, and the data's licence. */

export interface DownloadLinks {
  /** the table's caption, read after the link text by screen readers ("Download this table (CSV): …") */
  tableName: string;
  csvHref: string;
  apiHref: string;
  licence: string;
  sourcesHref: string;
}

export const DATA_LICENCE =
  'The figures are published under the Open Government Licence v3.0 unless their source says otherwise; credit their publishers as shown on the about page.';

export function downloadLinks(tableName: string, csvHref: string, apiHref: string): DownloadLinks {
  return { tableName, csvHref, apiHref, licence: DATA_LICENCE, sourcesHref: '/about' };
}
