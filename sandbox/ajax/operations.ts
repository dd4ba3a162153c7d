/**
 * Persisted operations of the AJAX API. On a real site each is a .graphql file in a plugin's
 * webapi/ajax folder and its name is `<plugintype>_<plugin>_<file>` or `core_<file>`.
 */
export const persistedOperations: Record<string, string> = {
  totara_webapi_status: `query totara_webapi_status {
  totara_webapi_status {
    status
    timestamp
  }
}`,
  core_user_users: `query core_user_users($query: core_user_users_query) {
  core_user_users(query: $query) {
    items {
      id
      username
      fullname
      email
    }
    total
    next_cursor
  }
}`,
  core_lang_strings_nosession: `query core_lang_strings_nosession($lang: param_lang!, $ids: [String!]!) {
  lang_strings: core_lang_strings(lang: $lang, ids: $ids) {
    lang
    identifier
    component
    string
  }
}`,
};

/** Operations ending in `_nosession` need neither a session cookie nor a sesskey. */
export const isNoSession = (name: string) => name.endsWith('_nosession');
