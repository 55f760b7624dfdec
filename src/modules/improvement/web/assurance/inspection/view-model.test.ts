import { describe, expect, it } from 'vitest';
import { selfAssessmentFilter } from './view-model.ts';

describe('the self-assessments’ filter from the address', () => {
  it.each([
    [{}, { state: '', theme: '', body: '' }],
    [
      { state: 'challenged', theme: 'local_services', body: 'trafford-council' },
      { state: 'challenged', theme: 'local_services', body: 'trafford-council' },
    ],
    [
      { state: 'lost', theme: "' OR '1'='1" },
      { state: '', theme: '', body: '' },
    ],
    [{ body: 'x'.repeat(250) }, { state: '', theme: '', body: 'x'.repeat(200) }],
  ])('%j reads as %j', (query, filter) => {
    expect(selfAssessmentFilter(query)).toEqual(filter);
  });
});
