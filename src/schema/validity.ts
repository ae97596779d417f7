import { DatePrecision } from './date';
import type { SchemaParts } from './parts';

const ValidityBasis = { RECORDED: 'recorded', INHERITED: 'inherited', UNDATED: 'undated' } as const;

export function defineValidity({ builder, refs }: SchemaParts): void {
  builder.enumType(ValidityBasis, {
    name: 'ValidityBasis',
    description: 'Where a validity comes from.',
    values: {
      RECORDED: { description: 'The record’s own dates (a unit’s `established`).' },
      INHERITED: {
        description:
          'The record has no dates of its own: it holds while what it belongs to or links does (a post while its unit exists).',
      },
      UNDATED: { description: 'Nothing in the data dates it: both ends are open, not invented.' },
    },
  });

  builder.objectType(refs.Validity, {
    description:
      'When something held, as far as the data says. An open end (null) means the sources give no date, not that it always held.',
    fields: (t) => ({
      validFrom: t.field({
        type: 'Date',
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
        type: 'Date',
        nullable: true,
        description:
          'The period in which it ended; null while it still held at the dataset’s date.',
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
}
