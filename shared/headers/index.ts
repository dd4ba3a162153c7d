export { explainHeader, explainHeaders, isExplainedHeader } from './explain';
export { parseChallenges } from './auth';
export type { AuthChallenge } from './auth';
export { parseSetCookie } from './cookies';
export type { SetCookie } from './cookies';
export { parseMediaType } from './content';
export type { HeaderCategory, HeaderContext, HeaderExplanation } from './types';
