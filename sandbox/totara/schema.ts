import { buildSchema, GraphQLError, GraphQLObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { SandboxConfig } from '../config';
import { recordCost } from './limits';
import { formatDate, formatText, installScalars } from './scalars';
import { ajaxQueryType, externalQueryType, sharedTypeDefs } from './schema-sdl';
import type { TotaraUser, UsersStore } from './users-store';

export interface TotaraContext {
  users: UsersStore;
  config: SandboxConfig;
  baseUrl: string;
  /** Complexity points spent by this request so far (starts at 5 for a query, 10 for a mutation). */
  complexity: { points: number };
}

type Resolver = GraphQLFieldResolver<unknown, TotaraContext, Record<string, unknown>>;
type Args = Record<string, unknown>;

const clientSafe = (message: string) => new GraphQLError(message, { extensions: { category: 'graphql' } });

const sortable = new Set([
  'id',
  'username',
  'idnumber',
  'firstname',
  'lastname',
  'email',
  'timecreated',
  'lastaccess',
]);

function encodeCursor(page: number, limit: number): string {
  return Buffer.from(JSON.stringify({ page, limit })).toString('base64');
}

function decodeCursor(cursor: string): { page: number; limit: number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      page?: unknown;
      limit?: unknown;
    };
    if (Number.isInteger(parsed.page) && Number.isInteger(parsed.limit)) {
      return { page: parsed.page as number, limit: parsed.limit as number };
    }
  } catch {
    // fall through to the error below
  }
  throw clientSafe('Invalid pagination cursor');
}

const usersQuery: Resolver = (_source, args, ctx) => {
  const query = (args.query ?? {}) as { pagination?: Args; sort?: { column: string; direction?: string }[] };
  const pagination = query.pagination ?? {};
  let page = (pagination.page as number | undefined) ?? 1;
  let limit = (pagination.limit as number | undefined) ?? 20;
  if (typeof pagination.cursor === 'string' && pagination.cursor !== '') {
    ({ page, limit } = decodeCursor(pagination.cursor));
  }
  if (limit < 1 || page < 1) throw clientSafe('Pagination limit and page must be positive integers');
  const sort = query.sort && query.sort.length > 0 ? query.sort : [{ column: 'id', direction: 'ASC' }];
  for (const rule of sort)
    if (!sortable.has(rule.column)) throw clientSafe(`Invalid sort column: ${rule.column}`);
  const sorted = [...ctx.users.all()].sort((a, b) => {
    for (const rule of sort) {
      const left = a[rule.column as keyof TotaraUser] as string | number;
      const right = b[rule.column as keyof TotaraUser] as string | number;
      const order = left < right ? -1 : left > right ? 1 : 0;
      if (order !== 0) return rule.direction === 'DESC' ? -order : order;
    }
    return 0;
  });
  const items = sorted.slice((page - 1) * limit, page * limit);
  const hasMore = page * limit < sorted.length;
  return { items, total: sorted.length, next_cursor: hasMore ? encodeCursor(page + 1, limit) : '' };
};

function findTarget(ctx: TotaraContext, reference: unknown): TotaraUser {
  const user = ctx.users.find(reference ?? {});
  if (!user) throw clientSafe('The target user does not exist or you do not have permission to access it.');
  return user;
}

function assertUniqueUsername(ctx: TotaraContext, username: unknown, exceptId?: number): void {
  const taken = ctx.users.all().some((user) => user.username === username && user.id !== exceptId);
  if (taken) throw clientSafe(`Username already exists: ${String(username)}`);
}

const createUser: Resolver = (_source, args, ctx) => {
  const input = args.input as Partial<TotaraUser> &
    Pick<TotaraUser, 'username' | 'email' | 'firstname' | 'lastname'>;
  assertUniqueUsername(ctx, input.username);
  const { custom_fields: _ignored, ...fields } = input;
  return {
    user: ctx.users.create({
      ...stripUnknown(fields),
      username: input.username,
      email: input.email,
      firstname: input.firstname,
      lastname: input.lastname,
    }),
  };
};

const updateUser: Resolver = (_source, args, ctx) => {
  const user = findTarget(ctx, args.target_user);
  const input = (args.input ?? {}) as Partial<TotaraUser>;
  if (input.username !== undefined) assertUniqueUsername(ctx, input.username, user.id);
  const { custom_fields: _ignored, ...fields } = input;
  Object.assign(user, stripUnknown(fields));
  return { user };
};

const deleteUser: Resolver = (_source, args, ctx) => {
  const user = findTarget(ctx, args.target_user);
  ctx.users.delete(user.id);
  return { user_id: user.id };
};

/** Keeps only columns the user table has; input-only flags (password, generate_password…) are dropped. */
function stripUnknown<T extends object>(fields: T): Partial<TotaraUser> {
  const dropped = ['password', 'generate_password', 'force_password_change', 'emailstop'];
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== null && !dropped.includes(key)),
  );
}

const langStrings: Record<string, string> = {
  'edit,core': 'Edit',
  'save,core': 'Save',
  'cancel,core': 'Cancel',
  'login,core': 'Log in',
  'logout,core': 'Log out',
  'users,core': 'Users',
};

const langStringsQuery: Resolver = (_source, args) =>
  (args.ids as string[]).map((id) => {
    const [identifier = '', component = 'core'] = id.split(',');
    const string = langStrings[`${identifier},${component}`] ?? `[[${identifier},${component}]]`;
    return { lang: args.lang as string, identifier, component, string };
  });

const format = (args: Args) => args.format as string | undefined;

const userResolvers: Record<string, GraphQLFieldResolver<TotaraUser, TotaraContext, Args>> = {
  username: (user, args) => formatText(user.username, format(args)),
  firstname: (user, args) => formatText(user.firstname, format(args)),
  lastname: (user, args) => formatText(user.lastname, format(args)),
  fullname: (user, args) => formatText(`${user.firstname} ${user.lastname}`, format(args)),
  // Field-level permission: the API user sees an address only when its owner shows it to everyone.
  email: (user) => (user.maildisplay === 1 ? user.email : null),
  description: (user, args, ctx) =>
    ctx.config.profilesForEnrolledUsersOnly ? null : formatText(user.description, format(args)),
  descriptionformat: () => 'HTML',
  firstaccess: (user, args) => formatDate(user.firstaccess, format(args)),
  lastaccess: (user, args) => formatDate(user.lastaccess, format(args)),
  profileimageurl: (user, _args, ctx) => `${ctx.baseUrl}/theme/image.php/ventura/core/1/u/f1?u=${user.id}`,
  profileimageurlsmall: (user, _args, ctx) =>
    `${ctx.baseUrl}/theme/image.php/ventura/core/1/u/f2?u=${user.id}`,
  profileimagealt: (user) => `${user.firstname} ${user.lastname}`,
  custom_fields: (user) =>
    user.custom_fields.map((field) => ({ ...field, data_type: 'text', data_format: 0 })),
  job_assignments: (user) => [
    { id: user.id * 10, idnumber: `JA-${user.idnumber}`, fullname: `${user.department} role` },
  ],
};

/** Counts record fields after a top-level field resolves and fails it once the request is over budget. */
function withComplexity(resolve: Resolver): Resolver {
  return async (source, args, ctx, info) => {
    const value: unknown = await resolve(source, args, ctx, info);
    ctx.complexity.points += recordCost(value, info.fieldNodes[0]?.selectionSet, info.fragments);
    const max = ctx.config.maxComplexity;
    if (ctx.complexity.points > max) {
      throw new GraphQLError(`Query complexity exceeded maximum allowed complexity of ${max}.`, {
        extensions: { category: 'query_complexity' },
      });
    }
    return value;
  };
}

function attach(schema: GraphQLSchema, typeName: string, resolvers: Record<string, Resolver>, wrap = false) {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) return;
  const fields = type.getFields();
  for (const [name, resolve] of Object.entries(resolvers)) {
    const field = fields[name];
    if (field) field.resolve = wrap ? withComplexity(resolve) : resolve;
  }
}

export function buildTotaraSchema(kind: 'external' | 'ajax'): GraphQLSchema {
  const schema = buildSchema(sharedTypeDefs + (kind === 'external' ? externalQueryType : ajaxQueryType));
  installScalars(schema);
  attach(
    schema,
    'Query',
    {
      totara_webapi_status: () => ({ status: 'ok', timestamp: Math.floor(Date.now() / 1000) }),
      core_user_users: usersQuery,
      core_lang_strings: langStringsQuery,
    },
    true,
  );
  attach(schema, 'totara_webapi_status', {
    timestamp: (source, args) => formatDate((source as { timestamp: number }).timestamp, format(args)),
  });
  attach(
    schema,
    'Mutation',
    {
      core_user_create_user: createUser,
      core_user_update_user: updateUser,
      core_user_delete_user: deleteUser,
    },
    true,
  );
  attach(schema, 'core_user', userResolvers as Record<string, Resolver>);
  return schema;
}
