/**
 * The order of the capability modules, lowest first. A module may import only
 * modules before it, and only through their index.ts (see docs/adr/0003).
 */
export const MODULE_LAYERS = [
  'periods',
  'places',
  'bodies',
  'audit',
  'accounts',
  'indicators',
  'data',
  'analysis',
  'plans',
  'improvement',
  'site',
] as const;
