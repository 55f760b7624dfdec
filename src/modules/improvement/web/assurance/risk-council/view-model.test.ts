import { describe, expect, it } from 'vitest';
import { inputsInWords } from './view-model.ts';

describe('the counts a score was worked out from, in words', () => {
  it('names each component’s counts, the open cases by rung, and calls for action not collected yet', () => {
    expect(
      inputsInWords({
        targetsJudged: 7,
        targetsOffTrack: 2,
        indicatorsCompared: 12,
        indicatorsBottomQuartile: 3,
        indicatorsWithTrend: 10,
        indicatorsWorsening: 4,
        figuresDue: 0,
        figuresLateOrMissing: 0,
        openCasesByRung: { 1: 2, 2: 1, 3: 0 },
        callsForAction: null,
      }).map((i) => i.value),
    ).toEqual([
      '2 of 7 targets judged',
      '3 of 12 indicators compared',
      '4 of 10 indicators with a trend',
      '0 of 0 figures due',
      '2 on rung 1, 1 on rung 2, 0 on rung 3',
      'Not collected yet',
    ]);
  });
});
