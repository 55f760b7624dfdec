import { describe, expect, it } from 'vitest';
import { type CollectionFacts, judgeCollectionItem } from './collection-status.ts';

const today = '2025-06-10';
const nothing = { receivedAt: null, awaitingPublication: false, publishedAt: null };

describe('judgeCollectionItem', () => {
  it.each<[string, CollectionFacts, ReturnType<typeof judgeCollectionItem>]>([
    ['not yet due, nothing sent', { dueDate: '2025-06-30', ...nothing }, { status: 'due', daysLate: null }],
    ['due today, nothing sent: not late yet', { dueDate: today, ...nothing }, { status: 'due', daysLate: null }],
    ['a day past the due date, nothing sent', { dueDate: '2025-06-09', ...nothing }, { status: 'late', daysLate: 1 }],
    ['long past, nothing sent', { dueDate: '2025-05-01', ...nothing }, { status: 'late', daysLate: 40 }],
    [
      'submitted before the date, awaiting publication',
      { dueDate: '2025-06-30', receivedAt: '2025-06-02T10:00:00.000Z', awaitingPublication: true, publishedAt: null },
      { status: 'received', daysLate: null },
    ],
    [
      'submitted after the date, awaiting publication: received, 3 days late',
      { dueDate: '2025-06-05', receivedAt: '2025-06-08T23:59:00.000Z', awaitingPublication: true, publishedAt: null },
      { status: 'received', daysLate: 3 },
    ],
    [
      'only a draft or a withdrawn submission: still late',
      { dueDate: '2025-06-05', receivedAt: null, awaitingPublication: false, publishedAt: null },
      { status: 'late', daysLate: 5 },
    ],
    [
      'published, submitted on time though published after the date',
      {
        dueDate: '2025-06-05',
        receivedAt: '2025-06-04T09:00:00.000Z',
        awaitingPublication: false,
        publishedAt: '2025-06-09T09:00:00.000Z',
      },
      { status: 'published', daysLate: null },
    ],
    [
      'published by an import, with no submission, after the date',
      { dueDate: '2025-06-05', receivedAt: null, awaitingPublication: false, publishedAt: '2025-06-07T09:00:00.000Z' },
      { status: 'published', daysLate: 2 },
    ],
    [
      'published, and a correction awaiting publication: published',
      {
        dueDate: '2025-06-05',
        receivedAt: '2025-06-01T09:00:00.000Z',
        awaitingPublication: true,
        publishedAt: '2025-06-02T09:00:00.000Z',
      },
      { status: 'published', daysLate: null },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(judgeCollectionItem(facts, today)).toEqual(expected);
  });
});
