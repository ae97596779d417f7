import { GraphQLError } from 'graphql';
import { parsePartialDate, type PartialDate } from '../graph/partial-date';
import { builder } from './builder';

function parse(value: unknown): PartialDate {
  if (typeof value !== 'string') {
    throw new GraphQLError('A Date is a string: "YYYY", "YYYY-MM" or "YYYY-MM-DD".');
  }
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') throw new GraphQLError(`Invalid Date: ${parsed}.`);
  return parsed;
}

export const DateScalar = builder.scalarType('Date', {
  description:
    'A calendar date, possibly partial, in ISO 8601 form: "1951" (a year), "1951-09" (a month) or "1951-09-20" (a day). Sources often give only a year or a month; the precision is kept, never invented.',
  serialize: (d) => d.value,
  parseValue: parse,
  parseLiteral: (node) => parse(node.kind === 'StringValue' ? node.value : undefined),
});

export const DatePrecision = builder.enumType('DatePrecision', {
  description: 'How precise a partial date is.',
  values: {
    YEAR: { value: 'year', description: 'Only the year is known.' },
    MONTH: { value: 'month', description: 'The year and month are known.' },
    DAY: { value: 'day', description: 'The exact day is known.' },
  } as const,
});
