import { describe, expect, it } from 'vitest';
import { addMonths, orderSchedule, scheduleInspection, type ScheduleProfile } from './schedule.ts';
import type { InspectionTheme, ScheduledInspection } from '../improvement.types.ts';

const from = new Date('2026-11-26T10:00:00Z');
const profile = (band: ScheduleProfile['band'], score: number, flaggedThemes: InspectionTheme[] = []): ScheduleProfile => ({
  bodyId: 'trafford',
  bodyName: 'Trafford Council',
  score,
  band,
  computedAt: from.toISOString(),
  flaggedThemes,
});

describe('the inspection of a council, by its risk', () => {
  it.each<[string, ScheduleProfile, Partial<ScheduledInspection>]>([
    [
      'high risk: all four themes within 6 months',
      profile('high', 52.3, ['local_services']),
      {
        dueBy: '2027-05-26',
        coverage: 'all_themes',
        themes: ['local_services', 'justice_community_safety', 'adult_social_care_health', 'children_education_skills'],
        reason: 'High risk (score 52.3): an inspection of all four themes within 6 months of 26 November 2026, by 26 May 2027',
      },
    ],
    [
      'medium risk: the flagged themes within 12 months',
      profile('medium', 27.1, ['adult_social_care_health', 'local_services']),
      {
        dueBy: '2027-11-26',
        coverage: 'flagged_themes',
        themes: ['local_services', 'adult_social_care_health'],
        reason:
          'Medium risk (score 27.1): an inspection of the flagged themes: Local services, Adult social care and health within 12 months of 26 November 2026, by 26 November 2027',
      },
    ],
    [
      'medium risk with nothing flagged: local services, where council-wide matters sit',
      profile('medium', 25),
      { themes: ['local_services'], reason: expect.stringContaining('as no theme is flagged') as string },
    ],
    [
      'low risk: the council’s self-assessments, checked within 36 months',
      profile('low', 8, ['local_services']),
      {
        dueBy: '2029-11-26',
        coverage: 'self_assessment_only',
        themes: [],
        reason:
          'Low risk (score 8.0): reliance on the council’s self-assessments, checked within 36 months of 26 November 2026, by 26 November 2029',
      },
    ],
  ])('%s', (_, p, expected) => {
    expect(scheduleInspection(p, from)).toMatchObject({ bodyId: 'trafford', bodyName: 'Trafford Council', ...expected });
  });

  it('follows a schedule given in place of the default', () => {
    const soon = {
      high: { withinMonths: 1, coverage: 'all_themes' as const },
      medium: { withinMonths: 2, coverage: 'all_themes' as const },
      low: { withinMonths: 3, coverage: 'flagged_themes' as const },
    };
    expect(scheduleInspection(profile('low', 3, ['children_education_skills']), from, soon)).toMatchObject({
      dueBy: '2027-02-26',
      themes: ['children_education_skills'],
    });
  });
});

describe('calendar months', () => {
  it.each([
    ['2026-11-26', 6, '2027-05-26'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 12, '2027-03-31'],
    ['2026-12-15', 36, '2029-12-15'],
  ])('%s + %i months → %s', (date, months, expected) => {
    expect(addMonths(new Date(`${date}T12:00:00Z`), months)).toBe(expected);
  });
});

describe('the order of the schedule', () => {
  const entry = (bodyName: string, dueBy: string, score: number): ScheduledInspection => ({
    bodyId: bodyName.toLowerCase(),
    bodyName,
    score,
    band: 'medium',
    dueBy,
    coverage: 'flagged_themes',
    themes: [],
    reason: '',
  });

  it('soonest first, then the higher score, then by name', () => {
    const list = [
      entry('Bury', '2027-11-26', 30),
      entry('Wigan', '2027-05-26', 41),
      entry('Bolton', '2027-11-26', 35),
      entry('Oldham', '2027-11-26', 30),
    ];
    expect(orderSchedule(list).map((e) => e.bodyName)).toEqual(['Wigan', 'Bolton', 'Bury', 'Oldham']);
    expect(list[0]!.bodyName).toBe('Bury');
  });
});
