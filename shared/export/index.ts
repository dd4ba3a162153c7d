export { isLanternEnvironmentFile, toPostman, type PostmanExport } from './to-postman';
export { keepEnvironmentFile, type KeepEnvironmentFile } from './environment-file';
export { secretPlaceholders } from './postman-auth-block';
export {
  SNIPPET_LANGUAGES,
  toSnippet,
  type Snippet,
  type SnippetLanguage,
  type SnippetOptions,
  type SnippetSecret,
} from './to-snippet';
