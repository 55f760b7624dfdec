import { describe, expect, it } from 'vitest';
import type { AreaRow } from '../../platform/db/schema.ts';
import { checkAreaReferences, unknownAreaReason } from './area-check.ts';
import { emptyContent } from './readers/area-file.ts';

const recorded = new Map<string, AreaRow>([
  [
    'E08000009',
    {
      code: 'E08000009',
      name: 'Trafford',
      type: 'metropolitan_district',
      country_code: null,
      valid_from: null,
      valid_to: null,
      population: null,
      population_year: null,
      imd_rank: null,
      imd_score: null,
      imd_decile: null,
      source: 't',
    },
  ],
]);

describe('unknownAreaReason', () => {
  it.each([
    [
      'E08000009',
      'parent',
      'parent E08000009 is not a known area; import the local authorities first (uk_local_authorities_current.csv)',
    ],
    ['E05015239', '', 'E05015239 is not a known area; import it first or add it to this file'],
    ['TRF-N1', 'building block', 'building block TRF-N1 is not a known area; import it first or add it to this file'],
  ])('%s (%s)', (code, role, reason) => {
    expect(unknownAreaReason(code, role)).toBe(reason);
  });
});

describe('checkAreaReferences', () => {
  const content = (more: Partial<ReturnType<typeof emptyContent>>) => ({ ...emptyContent('t', 't', 1), ...more });

  it.each([
    [
      'a new ward under a known district',
      {
        areas: [{ line: 2, code: 'W1', facts: { name: 'W', type: 'ward' as const } }],
        links: [{ line: 2, field: 'LAD', childCode: 'W1', parentCode: 'E08000009', validFrom: null }],
      },
      [],
    ],
    [
      'a parent created by the same file',
      {
        areas: [{ line: 2, code: 'N1', facts: { name: 'N', type: 'neighbourhood' as const } }],
        links: [{ line: 3, field: 'p', childCode: 'E08000009', parentCode: 'N1', validFrom: null }],
      },
      [],
    ],
    [
      'an unknown parent',
      { links: [{ line: 5, field: 'LAD19CD', childCode: 'E08000009', parentCode: 'E08000099', validFrom: null }] },
      [{ line: 5, field: 'LAD19CD', value: 'E08000099', reason: expect.stringMatching(/^parent E08000099/) }],
    ],
    [
      'facts about an unknown area',
      { areas: [{ line: 2, code: 'E08000010', facts: { imdScore: 1 } }] },
      [{ line: 2, field: 'code', value: 'E08000010', reason: expect.any(String) }],
    ],
    [
      'a changed type',
      { areas: [{ line: 2, code: 'E08000009', facts: { type: 'ward' as const } }] },
      [{ line: 2, field: 'type', value: 'ward', reason: expect.stringContaining('does not change') }],
    ],
  ])('%s', (_what, more, problems) => {
    expect(checkAreaReferences(content(more), recorded).problems).toEqual(problems);
  });

  it('skips, rather than refuses, an optional link to an unknown area', () => {
    const checked = checkAreaReferences(
      content({
        links: [
          { line: 4, field: 'newcd', childCode: 'E08000009', parentCode: 'E47000018', validFrom: '2025-04-01', ifKnown: true },
        ],
      }),
      recorded,
    );
    expect(checked).toEqual({
      problems: [],
      links: [],
      skipped: [{ line: 4, reason: 'not recorded: E47000018 is not a known area' }],
    });
  });
});
