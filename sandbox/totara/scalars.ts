import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { GraphQLSchema, ValueNode } from 'graphql';

// Totara's param_* scalars reject bad input with this one generic message.
const invalid = () =>
  new GraphQLError('Invalid parameter value detected', { extensions: { category: 'graphql' } });

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function integer(value: unknown): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw invalid();
  return number;
}

function pattern(regex: RegExp) {
  return (value: unknown): string => {
    if (typeof value !== 'string' || !regex.test(value)) throw invalid();
    return value;
  };
}

const parsers: Record<
  string,
  { parse: (value: unknown) => unknown; serialize: (value: unknown) => unknown }
> = {
  // core_id travels as a string in responses but is accepted as a number or a numeric string.
  core_id: { parse: integer, serialize: (value) => String(value) },
  param_integer: { parse: integer, serialize: (value) => value },
  param_email: { parse: pattern(emailPattern), serialize: (value) => value },
  param_username: { parse: pattern(/^[a-z0-9_.@-]+$/), serialize: (value) => value },
  param_lang: { parse: pattern(/^[a-z]{2,3}(_[a-z0-9]+)?$/), serialize: (value) => value },
};

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.STRING || node.kind === Kind.FLOAT) return node.value;
  if (node.kind === Kind.BOOLEAN) return node.value;
  return undefined;
}

/** Gives the SDL-declared custom scalars their Totara parsing rules. */
export function installScalars(schema: GraphQLSchema): void {
  for (const [name, rules] of Object.entries(parsers)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.parseValue = rules.parse;
    type.parseLiteral = (node) => rules.parse(literal(node));
    type.serialize = rules.serialize;
  }
}

const dateFormats: Record<string, Intl.DateTimeFormatOptions> = {
  DAYDATETIME: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  },
  TIME: { hour: 'numeric', minute: '2-digit', hour12: true },
  TIMESHORT: { hour: '2-digit', minute: '2-digit', hour12: false },
  DATE: { day: 'numeric', month: 'long', year: 'numeric' },
  DATESHORT: { day: 'numeric', month: 'long' },
  DATELONG: { day: '2-digit', month: '2-digit', year: 'numeric' },
  DATETIME: {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  },
  DATETIMESHORT: {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  },
  DATETIMELONG: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  },
  DATETIMESECONDS: {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  },
};

/** core_date_format: TIMESTAMP is the Unix time as a string; the rest are en-GB renderings in Europe/London. */
export function formatDate(seconds: number, format: string | undefined): string | null {
  if (!seconds) return null;
  const options = dateFormats[format ?? 'TIMESTAMP'];
  if (!options) return String(seconds);
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' }).format(
    new Date(seconds * 1000),
  );
}

/** core_format: PLAIN strips tags; other formats return the stored text. */
export function formatText(text: string | null | undefined, format: string | undefined): string | null {
  if (text === null || text === undefined) return null;
  return format === 'PLAIN' ? text.replace(/<[^>]*>/g, '') : text;
}
