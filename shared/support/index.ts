export { buildSupportBundle } from './build';
export { leaksSecret, maskHeaderList, maskKnownSecrets, maskSecretFields, maskText, maskUrl } from './mask';
export { prepareSupportView } from './prepare';
export type { SupportView } from './prepare';
export { requestBodyOf } from './request-body';
export { DEFAULT_BODY_LIMIT } from './types';
export type { SupportBundle, SupportBundleInput, SupportFormat, SupportRequestBody } from './types';
