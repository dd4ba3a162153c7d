/** Totara 17.3's external schema, names and shapes only (API-BEHAVIOUR.md §1 "Operations in 17.3"). */
const formatted = (name: string, format = 'PLAIN') => `${name}(format: core_format = ${format}): String`;
const dated = (name: string) => `${name}(format: core_date_format = TIMESTAMP): String`;

const userFields = [
  'password: String',
  'idnumber: String',
  'middlename: String',
  'alternatename: String',
  'firstnamephonetic: String',
  'lastnamephonetic: String',
  'city: String',
  'country: String',
  'timezone: String',
  'lang: String',
  'auth: String',
  'description: String',
  'department: String',
  'institution: String',
  'phone1: String',
  'phone2: String',
  'address: String',
  'url: String',
  'skype: String',
  'custom_fields: [core_user_custom_field_input!]',
  'generate_password: Boolean',
  'force_password_change: Boolean',
];

export const sharedTypeDefs = /* GraphQL */ `
scalar core_id
scalar param_email
scalar param_integer
scalar param_username
scalar param_lang

enum core_format { RAW HTML PLAIN MARKDOWN JSON_EDITOR MOBILE }
enum core_date_format {
  TIMESTAMP DAYDATETIME TIME TIMESHORT DATE DATESHORT DATELONG DATETIME DATETIMESHORT DATETIMELONG DATETIMESECONDS
}
enum core_sort_direction_enum { ASC DESC }

type totara_webapi_status {
  status: String
  ${dated('timestamp')}
}

interface core_pageable_result {
  total: Int!
  next_cursor: String!
}

type core_user_custom_field {
  shortname: String!
  data: String
  data_type: String
  data_format: Int
}

type totara_job_job_assignment {
  id: core_id!
  idnumber: String
  ${formatted('fullname')}
}

type core_user {
  id: core_id!
  idnumber: String
  ${formatted('username')}
  fullname(format: core_format = PLAIN): String!
  ${formatted('firstname')}
  ${formatted('lastname')}
  middlename: String
  alternatename: String
  firstnamephonetic: String
  lastnamephonetic: String
  email: String
  address: String
  phone1: String
  phone2: String
  department: String
  institution: String
  city: String
  country: String
  ${formatted('description', 'HTML')}
  descriptionformat: core_format
  profileimageurl: String
  profileimageurlsmall: String
  profileimagealt: String
  lang: String
  theme: String
  suspended: Boolean
  timezone: String
  interests: String
  ${dated('firstaccess')}
  ${dated('lastaccess')}
  url: String
  skype: String
  custom_fields: [core_user_custom_field!]
  job_assignments: [totara_job_job_assignment!]
}

type core_user_users_result implements core_pageable_result {
  items: [core_user!]!
  total: Int!
  next_cursor: String!
}

input core_pagination_input {
  cursor: String
  limit: param_integer
  page: param_integer
}

input core_sort_input {
  column: String!
  direction: core_sort_direction_enum = ASC
}

input core_user_users_query {
  pagination: core_pagination_input
  sort: [core_sort_input!]
}

input core_user_user_reference {
  id: core_id
  username: param_username
  idnumber: String
  email: param_email
}

input core_user_custom_field_input {
  shortname: String!
  data: String
  delete: Boolean
}

input core_user_create_user_input {
  username: String!
  email: param_email!
  firstname: String!
  lastname: String!
  suspended: Boolean = false
  emailstop: Boolean = false
  ${userFields.join('\n  ')}
}

input core_user_update_user_input {
  username: String
  email: param_email
  firstname: String
  lastname: String
  suspended: Boolean
  emailstop: Boolean
  ${userFields.join('\n  ')}
}

type core_user_user_result {
  user: core_user!
}

type core_user_delete_user_result {
  user_id: core_id!
}

type core_lang_string {
  lang: String!
  identifier: String!
  component: String!
  string: String!
}

type Mutation {
  core_user_create_user(input: core_user_create_user_input!): core_user_user_result!
  core_user_update_user(
    target_user: core_user_user_reference!
    input: core_user_update_user_input!
  ): core_user_user_result!
  core_user_delete_user(target_user: core_user_user_reference!): core_user_delete_user_result!
}
`;

export const externalQueryType = /* GraphQL */ `
  type Query {
    totara_webapi_status: totara_webapi_status!
    core_user_users(query: core_user_users_query): core_user_users_result!
  }
`;

/** The AJAX (internal) schema also carries session-free helpers such as language strings. */
export const ajaxQueryType = /* GraphQL */ `
  type Query {
    totara_webapi_status: totara_webapi_status!
    core_user_users(query: core_user_users_query): core_user_users_result!
    core_lang_strings(lang: param_lang!, ids: [String!]!): [core_lang_string!]!
  }
`;
