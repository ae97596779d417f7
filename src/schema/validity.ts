import type { Validity } from '../graph/validity';
import { builder } from './builder';
import { DatePrecision, DateScalar } from './date';

const ValidityBasis = builder.enumType('ValidityBasis', {
  description: 'Where a validity comes from.',
  values: {
    RECORDED: {
      value: 'recorded',
      description: 'The record’s own dates (a unit’s `established`).',
    },
    INHERITED: {
      value: 'inherited',
      description:
        'The record has no dates of its own: it holds while what it belongs to or links does (a post while its unit exists).',
    },
    UNDATED: {
      value: 'undated',
      description: 'Nothing in the data dates it: both ends are open, not invented.',
    },
  } as const,
});

export const ValidityRef = builder.objectRef<Validity>('Validity').implement({
  description:
    'When something held, as far as the data says. An open end (null) means the sources give no date, not that it always held.',
  fields: (t) => ({
    validFrom: t.field({
      type: DateScalar,
      nullable: true,
      description: 'The period in which it began; null when the data does not say.',
      resolve: (v) => v.validFrom ?? null,
    }),
    validFromPrecision: t.field({
      type: DatePrecision,
      nullable: true,
      description: 'Whether `validFrom` is a year, a month or a day.',
      resolve: (v) => v.validFrom?.precision ?? null,
    }),
    validTo: t.field({
      type: DateScalar,
      nullable: true,
      description: 'The period in which it ended; null while it still held at the dataset’s date.',
      resolve: (v) => v.validTo ?? null,
    }),
    validToPrecision: t.field({
      type: DatePrecision,
      nullable: true,
      description: 'Whether `validTo` is a year, a month or a day.',
      resolve: (v) => v.validTo?.precision ?? null,
    }),
    open: t.boolean({
      description: 'True when the data gives no start date.',
      resolve: (v) => !v.validFrom,
    }),
    basis: t.field({
      type: ValidityBasis,
      description: 'Where the dates come from.',
      resolve: (v) => v.basis,
    }),
  }),
});
