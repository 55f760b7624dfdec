/**
 * improvement: under-performance (capability 6) — trigger rules and sources, cases on the ladder of
 * response, councils' risk profiles, proportionate inspection with self-assessment, improvement
 * partnerships and peer review. See docs/adr/0020-under-performance-triggers-cases-and-risk.md and
 * README.md.
 */
export * from './improvement.types.ts';
// the pure rules: triggers, transitions, risk score, inspection schedule
export * from './rules/index.ts';
// triggers, the engine and cases
export * from './cases/index.ts';
// risk profiles, inspection, self-assessment, partnerships and peer reviews
export * from './assurance/index.ts';
// the JSON API
export * from './api/index.ts';
// the pages, composed in src/main/app.ts
export * from './web/index.ts';
