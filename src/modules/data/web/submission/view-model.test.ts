import { describe, expect, it } from 'vitest';
import { doneText, eventView, figureView, stepView } from './view-model.ts';

describe('the submission page’s pieces', () => {
  it('asks why for reject and withdraw only', () => {
    expect(stepView('s1', 'approve')).toEqual({
      step: 'approve',
      action: '/submissions/s1/approve',
      button: 'Approve',
      reason: undefined,
      warning: false,
    });
    expect(stepView('s1', 'reject', 'old figures').reason).toEqual({
      id: 'reject-reason',
      label: 'Why are you rejecting it?',
      value: 'old figures',
    });
  });

  it('shows an event and a figure in words', () => {
    expect(
      eventView({
        id: 1,
        submissionId: 's1',
        event: 'withdraw',
        fromState: 'submitted',
        toState: 'withdrawn',
        actorPersonId: 'p1',
        actorLabel: 'Pat Officer',
        viaKind: 'session',
        viaId: null,
        reason: 'Wrong year',
        occurredAt: '2025-06-01T09:00:00.000Z',
      }),
    ).toEqual({
      when: '1 June 2025 at 10:00',
      what: 'Withdrawn',
      who: 'Pat Officer',
      from: 'Submitted',
      to: 'Withdrawn',
      reason: 'Wrong year',
    });
    expect(
      figureView({
        line: 4,
        indicatorCode: 'NI192',
        areaCode: 'E08000009',
        period: 'FY2024',
        periodLabel: '2024/25',
        value: null,
        numerator: null,
        denominator: null,
        sampleSize: null,
        ciLower: 1.5,
        ciUpper: 2,
        status: 'not_available',
      }),
    ).toMatchObject({ line: '4', value: '', interval: '1.5 to 2', status: 'not available' });
  });

  it('says what was done only for the steps it knows', () => {
    expect(doneText('publish')).toBe('The submission has been published: its figures are now public.');
    expect(doneText('<script>')).toBeUndefined();
    expect(doneText('shared')).toBeUndefined();
  });
});
