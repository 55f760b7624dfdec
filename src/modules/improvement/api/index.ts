/** The improvement module's JSON API, composed in src/main/app.ts. */
export { improvementApi, type ImprovementApiDeps } from './routes.ts';
