import { describe, expect, it } from 'vitest';
import type { OwnAccount } from '../../own-account.service.ts';
import { yourAccountPageView } from './view-model.ts';

const person = {
  id: 'p1',
  email: 'jane@example.org',
  displayName: 'Jane Smith',
  createdAt: '2025-06-01T09:00:00.000Z',
  disabledAt: null,
  hasPassword: true,
  lockedUntil: null,
};
const held = { bodyId: null, bodyName: null, areaCode: null, areaName: null, grantedAt: '2025-06-01T09:00:00.000Z' };

describe('yourAccountPageView', () => {
  it('names each role and where it is held', () => {
    const account: OwnAccount = {
      person,
      roles: [
        { ...held, role: 'administrator' },
        { ...held, role: 'performance_officer', bodyId: 'trafford-council', bodyName: 'Trafford Council' },
        {
          ...held,
          role: 'councillor_ward',
          bodyId: 'trafford-council',
          bodyName: 'Trafford Council',
          areaCode: 'E05015239',
          areaName: 'Altrincham',
        },
        { ...held, role: 'resident', areaCode: 'E05000001' },
      ],
    };
    expect(yourAccountPageView(account)).toEqual({
      pageTitle: 'Your account',
      name: 'Jane Smith',
      email: 'jane@example.org',
      roles: [
        { role: 'Administrator', where: 'Everywhere' },
        { role: 'Performance officer', where: 'Trafford Council' },
        { role: 'Ward councillor', where: 'Trafford Council, for Altrincham (E05015239)' },
        { role: 'Resident', where: 'E05000001' },
      ],
    });
  });
});
