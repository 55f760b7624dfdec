import { describe, expect, it } from 'vitest';
import { actorFor, apiTokenActorFor } from '../../../../test/support/accounts-factories.ts';
import { ROLES } from '../../accounts/index.ts';
import { indicatorLinksFor } from './links.ts';

const LINKS: Record<(typeof ROLES)[number], string[]> = {
  administrator: ['National indicators'],
  assessor: [],
  performance_officer: ['Local indicators'],
  partner_data_officer: [],
  councillor_executive: [],
  councillor_scrutiny: [],
  councillor_ward: [],
  resident: [],
};

describe('the definition pages a person’s roles give them', () => {
  it.each(ROLES)('%s', (role) => {
    expect(indicatorLinksFor(actorFor(role)).map((l) => l.text)).toEqual(LINKS[role]);
  });

  it('none for an API token or for nobody, and none in the header', () => {
    expect(indicatorLinksFor(apiTokenActorFor())).toEqual([]);
    expect(indicatorLinksFor(null)).toEqual([]);
    expect(indicatorLinksFor(actorFor('performance_officer'))).toEqual([{ href: '/indicators/local', text: 'Local indicators' }]);
  });
});
