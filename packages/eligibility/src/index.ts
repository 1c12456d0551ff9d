export { DECISIONS, mostRestrictive } from './decision.js';
export type { Decision } from './decision.js';
