export { detectFormat, importAny, type ImportFormat, type ImportOptions } from './detect';
export { importCurl } from './curl';
export { importHar, type HarImportOptions } from './har';
export type { CredentialNeed, ImportResult } from './import-context';
export { importInsomnia } from './insomnia';
export { importPostman } from './postman';
export { looksSecret } from '../redact/secret-names';
