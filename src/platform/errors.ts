/**
 * Domain errors. They know nothing of HTTP; the edge (API, pages, CLI) maps them.
 */
export interface ProblemDetail {
  /** 1-based line in the submitted file, when the problem is in a file */
  line?: number;
  /** column or field name */
  field?: string;
  /** the value as submitted */
  value?: unknown;
  /** why it is wrong, in plain words */
  reason: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details: ProblemDetail[];
  constructor(message: string, details: ProblemDetail[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.details = details;
  }
}

/** The input is wrong; nothing was changed. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  override name = 'ValidationError';
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  override name = 'NotFoundError';
}

/** The request is valid but conflicts with what is already recorded. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  override name = 'ConflictError';
}

/** The caller is not signed in, or its session or token is no longer good (the edge answers 401). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  override name = 'UnauthenticatedError';
}

/** The caller is known but may not do this (the edge answers 403). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  override name = 'ForbiddenError';
}

/** Describe a problem for a person: "line 12, column value: "abc" is not a number". */
export function describeProblem(p: ProblemDetail): string {
  const where = [p.line !== undefined ? `line ${p.line}` : null, p.field ? `column ${p.field}` : null].filter(Boolean).join(', ');
  const value = p.value === undefined ? '' : ` (value ${JSON.stringify(p.value)})`;
  return `${where ? `${where}: ` : ''}${p.reason}${value}`;
}
