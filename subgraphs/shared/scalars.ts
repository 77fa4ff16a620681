import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealDate } from './domain/id-number';

/** Scalars shared by the subgraphs. Bad literals and variables fail with BAD_USER_INPUT. */

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => {
    if (typeof value === 'string' && isRealDate(value.slice(0, 10))) return value.slice(0, 10);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new Error(`Date cannot represent ${String(value)}`);
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || !isRealDate(value))
      throw invalid(`Date must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isRealDate(ast.value))
      throw invalid('Date must be a real date written YYYY-MM-DD');
    return ast.value;
  },
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'Instant, ISO 8601 in UTC.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new Error(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw invalid('DateTime must be an ISO 8601 instant');
    return new Date(value).toISOString();
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value)))
      throw invalid('DateTime must be an ISO 8601 instant');
    return new Date(ast.value).toISOString();
  },
});

const MONEY = /^\d{1,15}(\.\d{1,2})?$/;

function parseMoney(value: unknown): string {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !MONEY.test(text)) {
    throw invalid(
      `Money must be a non-negative decimal string with at most 15 digits and 2 decimals, e.g. "1250000.00"; got ${JSON.stringify(value)}`,
    );
  }
  return normaliseMoney(text);
}

function normaliseMoney(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'An amount in yuan as a decimal string with at most two decimals.',
  serialize: (value) => normaliseMoney(String(value)),
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT)
      throw invalid('Money must be a decimal string, e.g. "1250000.00"');
    return parseMoney(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
  },
});
