/** The improvement pages: cases and triggers (cases/), risk, inspection and partnerships (assurance/). */
export * from './cases/index.ts';
export * from './assurance/index.ts';
