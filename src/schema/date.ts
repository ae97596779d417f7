import { GraphQLError } from 'graphql';
import { parsePartialDate, type PartialDate } from '../graph/partial-date';
import type { SchemaParts } from './parts';

function parse(value: unknown): PartialDate {
  if (typeof value !== 'string') {
    throw new GraphQLError('A Date is a string: "YYYY", "YYYY-MM" or "YYYY-MM-DD".');
  }
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') throw new GraphQLError(`Invalid Date: ${parsed}.`);
  return parsed;
}

export const DatePrecision = { YEAR: 'year', MONTH: 'month', DAY: 'day' } as const;

export function defineDate({ builder }: SchemaParts): void {
  builder.scalarType('Date', {
    description:
      'A calendar date, possibly partial, in ISO 8601 form: "1951" (a year), "1951-09" (a month) or "1951-09-20" (a day). Sources often give only a year or a month; the precision is kept, never invented.',
    serialize: (d) => d.value,
    parseValue: parse,
    parseLiteral: (node) => parse(node.kind === 'StringValue' ? node.value : undefined),
  });
  builder.enumType(DatePrecision, {
    name: 'DatePrecision',
    description: 'How precise a partial date is.',
    values: {
      YEAR: { description: 'Only the year is known.' },
      MONTH: { description: 'The year and month are known.' },
      DAY: { description: 'The exact day is known.' },
    },
  });
}
