/** Typed addresses of the audit log pages and their downloads. */
import { withQuery } from '../urls.ts';

/** The filters of an audit page, as its query string names them. */
export interface AuditPageFilters {
  body?: string | undefined;
  indicator?: string | undefined;
  person?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditPageParams extends AuditPageFilters {
  page?: number | undefined;
  format?: 'csv' | 'json' | undefined;
}

function query(p: AuditPageParams): Record<string, string | undefined> {
  return {
    body: p.body,
    indicator: p.indicator,
    person: p.person,
    action: p.action,
    from: p.from,
    to: p.to,
    page: p.page !== undefined && p.page > 1 ? String(p.page) : undefined,
    format: p.format,
  };
}

const part = encodeURIComponent;

export const auditUrls = {
  log: (p: AuditPageParams = {}): string => withQuery('/audit', query(p)),
  body: (bodyId: string, p: AuditPageParams = {}): string => withQuery(`/bodies/${part(bodyId)}/audit`, query(p)),
  indicator: (code: string, p: AuditPageParams = {}): string => withQuery(`/indicators/${part(code)}/audit`, query(p)),
};
