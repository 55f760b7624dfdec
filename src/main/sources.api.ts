import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { typed } from '../platform/http/app.ts';
import { DATA_SOURCES } from './sources.ts';

const sourceSchema = z.object({
  title: z.string(),
  files: z.array(z.string()),
  publisher: z.string(),
  licence: z.string(),
  attribution: z.string(),
});

export async function sourcesApi(app: FastifyInstance): Promise<void> {
  typed(app).get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Where the data comes from, its licence and the attribution to show with it',
        response: { 200: z.object({ items: z.array(sourceSchema) }) },
      },
    },
    async () => ({ items: DATA_SOURCES }),
  );
}
