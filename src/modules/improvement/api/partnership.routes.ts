/** Improvement partnerships and the peer reviews councils record of one another, through the API. */
import { z } from 'zod';
import { NotFoundError } from '../../../platform/errors.ts';
import { getPartnership, getPeerReview, listPartnerships } from '../assurance/index.ts';
import { improvementLinks } from './links.ts';
import { numberedParams, partnershipParams, PUBLIC_DESCRIPTION } from './params.ts';
import {
  partnershipDetailSchema,
  partnershipListingSchema,
  peerReviewDetailSchema,
  presentPartnershipDetail,
  presentPartnershipListing,
  presentPeerReviewDetail,
} from './partnership-presenters.ts';
import type { Api, ImprovementApiDeps } from './routes.ts';

const tags = ['partnerships'];
const DESCRIPTION =
  `${PUBLIC_DESCRIPTION} Councils form an improvement partnership to challenge and support one another, record peer reviews ` +
  '(scope, findings, recommendations, follow-up) and link them to cases on rung 2 of the ladder of response.';

export function partnershipRoutes(api: Api, deps: ImprovementApiDeps): void {
  const { db } = deps;

  api.get(
    '/partnerships',
    {
      schema: {
        tags,
        summary: 'Every improvement partnership, by name, with its member councils and how many peer reviews it has recorded',
        description: DESCRIPTION,
        response: { 200: z.object({ items: z.array(partnershipListingSchema), links: z.object({ self: z.string() }) }) },
      },
    },
    async () => ({
      items: (await listPartnerships(db)).map(presentPartnershipListing),
      links: { self: improvementLinks.partnerships() },
    }),
  );

  api.get(
    '/partnerships/:id',
    {
      schema: {
        tags,
        summary:
          'One improvement partnership: its members (and former members), its peer reviews, newest first, and the cases they are linked to',
        description: DESCRIPTION,
        params: partnershipParams,
        response: { 200: partnershipDetailSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await getPartnership(db, id);
      if (!found)
        throw new NotFoundError(`No improvement partnership has the id ${id}`, [
          { field: 'id', value: id, reason: 'is not a known partnership' },
        ]);
      return presentPartnershipDetail(found);
    },
  );

  api.get(
    '/peer-reviews/:id',
    {
      schema: {
        tags,
        summary:
          'One peer review: the council reviewed and its reviewers, the scope, findings, recommendations and follow-up, and the cases it is linked to',
        description: DESCRIPTION,
        params: numberedParams,
        response: { 200: peerReviewDetailSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await getPeerReview(db, id);
      if (!found)
        throw new NotFoundError(`No peer review numbered ${id}`, [
          { field: 'id', value: id, reason: 'no peer review has this number' },
        ]);
      return presentPeerReviewDetail(found);
    },
  );
}
