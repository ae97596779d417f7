/**
 * Every unit of a dataset has a description, and a spreadsheet seldom gives one. A unit the file
 * describes keeps its words; any other is described by what the file does say of it, its kind and
 * the unit it is part of ("A team of Finance."), in the dataset's first language, so nothing is
 * said that the file does not.
 */
import type { DraftUnit, SeedDraft } from './seed-draft';

const article = (word: string) => (/^[aeio]/i.test(word) ? 'An' : 'A');

export function withDescriptions(draft: SeedDraft): SeedDraft {
  if (draft.units.every((u) => u.description !== undefined)) return draft;
  const lang = draft.dataset.languages[0] ?? 'en';
  const names = new Map(draft.units.map((u) => [u.key, u.name[lang] ?? u.key]));
  const labels = new Map(draft.dataset.kinds.map((k) => [k.key, k.labels[lang] ?? k.key]));
  const units = draft.units.map((u): DraftUnit => {
    if (u.description !== undefined) return u;
    const kind = labels.get(u.kind) ?? u.kind;
    const parent = u.parent === undefined ? undefined : names.get(u.parent);
    const text = parent
      ? `${article(kind)} ${kind} of ${parent}.`
      : `${u.name[lang] ?? u.key}, ${article(kind).toLowerCase()} ${kind}.`;
    return { ...u, description: { [lang]: text } };
  });
  return { ...draft, units };
}
