import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import { ownAccount } from '../../own-account.service.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { requirePerson } from '../identity.ts';
import { accountUrls } from '../urls.ts';
import { adminLinksFor } from './admin-links.ts';
import { yourAccountPageView } from './view-model.ts';

/** The signed-in person's own account (someone not signed in is sent to sign in first). */
export function yourAccountRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  app.get(accountUrls.account(), { schema: { hide: true } }, async (request, reply) => {
    const person = requirePerson(request);
    const account = await ownAccount(deps.db, person);
    return render(reply, 'your-account/your-account.njk', {
      ...yourAccountPageView(account),
      forgotPasswordUrl: accountUrls.forgotPassword(),
      adminLinks: adminLinksFor(person, account.roles),
    });
  });
}
