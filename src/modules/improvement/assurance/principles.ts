/**
 * The ten principles of inspection (seed appendix C ch. 6, in its words) and how this platform serves
 * each, for the inspection page and the API.
 */

export interface InspectionPrinciple {
  number: number;
  /** "Inspection should: …" */
  principle: string;
  /** how the platform serves it, naming the page or feature */
  howServed: string;
  /** the page that shows it */
  link?: string;
}

export const INSPECTION_PRINCIPLES: readonly InspectionPrinciple[] = [
  {
    number: 1,
    principle: 'Pursue the purpose of improvement.',
    howServed:
      'A trigger opens a case that stays open until the figures recover: it is owned, given an action plan and a deadline on its rung of the ladder of response, and closes as recovered when its rules have stopped firing for the periods they ask, or is closed with reasons that are published.',
    link: '/cases',
  },
  {
    number: 2,
    principle: 'Focus on outcomes.',
    howServed:
      'Triggers and risk scores are judged from published outcome figures and from the targets of councils’ plans, not from returns about process.',
    link: '/triggers',
  },
  {
    number: 3,
    principle: 'Take a user perspective.',
    howServed:
      'Satisfaction survey indicators have their own trigger, a fall beyond the margin of error, and every case, score and schedule is public and written in plain words for residents.',
    link: '/triggers',
  },
  {
    number: 4,
    principle: 'Be proportionate to risk.',
    howServed:
      'The inspection schedule comes from each council’s risk profile: a high-risk council is inspected sooner and on every theme, a medium-risk council on the themes where something is wrong, and a low-risk council relies on its self-assessment.',
    link: '/inspection',
  },
  {
    number: 5,
    principle: 'Encourage self-assessment by managers.',
    howServed:
      'A council files a self-assessment for each inspection theme, with a grade, a summary and its evidence; an assessor agrees with it or challenges it, with reasons, in public.',
    link: '/inspection',
  },
  {
    number: 6,
    principle: 'Use impartial evidence, wherever possible.',
    howServed:
      'Scores and triggers use the published figures from their named sources and the comparator groups; each firing keeps the values and comparisons that made it fire as the case’s evidence.',
    link: '/cases',
  },
  {
    number: 7,
    principle: 'Disclose the criteria used for judgement.',
    howServed:
      'The risk formula, its weights and bands are published beside each score with its breakdown, and the trigger rules in force with their parameters and versions are published too.',
    link: '/risk',
  },
  {
    number: 8,
    principle: 'Be open about the processes involved.',
    howServed:
      'The ladder of response, its rungs and deadlines are published, and every step of a case — opened, acknowledged, planned, escalated, closed — is on its public timeline with when and why.',
    link: '/cases',
  },
  {
    number: 9,
    principle: 'Have regard to value for money, including that of the inspected body.',
    howServed:
      'Judgements reuse the figures councils already publish, with no further return to fill in; a low-risk council is inspected only every three years and relies on its self-assessment, and a medium-risk council only on its flagged themes.',
    link: '/inspection',
  },
  {
    number: 10,
    principle: 'Continually learn from experience.',
    howServed:
      'Trigger rules and the risk model are versioned with the reason for each change; every firing keeps the rule version it was judged under and every profile the model version it was scored with, so each judgement can be read with the rule or model it was made under and a change is seen in the history of scores.',
    link: '/triggers',
  },
];
