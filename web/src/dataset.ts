/**
 * What the page says about the dataset it shows: its title, the examples in the search box and
 * the languages offered, all from the served dataset rather than from NATO.
 */
import type { ChartUnit, DatasetInfo, Lang } from './api';
import { format, type UiText } from './i18n';

/** The dataset the project ships: its search box keeps the examples written for it. */
const DEFAULT_DATASET = 'nato-international-staff';

/** The languages the page offers: the dataset's own (`dataset { languages }`), that the page speaks. */
export function languagesOf(dataset: DatasetInfo): readonly Lang[] {
  const spoken = dataset.languages
    .map((l) => l.toLowerCase())
    .filter((l): l is Lang => l === 'en' || l === 'fr');
  return spoken.length > 0 ? spoken : ['en'];
}

/**
 * The search box's placeholder: for another dataset, examples drawn from the units on the first
 * view (an acronym, a name, a question about a head), so every example finds something.
 */
export function searchPlaceholder(
  dataset: DatasetInfo,
  units: readonly ChartUnit[],
  text: UiText,
): string {
  if (dataset.key === DEFAULT_DATASET) return text.searchPlaceholder;
  const below = units.filter((u) => u.parent);
  const named = below.find((u) => u.acronym) ?? below[0] ?? units[0];
  const other = below.find((u) => u !== named && u.head) ?? below.find((u) => u !== named);
  const examples: string[] = [];
  if (named) examples.push(named.acronym ?? named.name);
  if (other) examples.push(other.name);
  const headed = units.find((u) => u.head && u.acronym);
  if (headed?.acronym) examples.push(format(text.whoHeads, headed.acronym));
  return examples.length > 0 ? `${text.searchOrAsk}: ${examples.join(', ')}…` : text.searchOrAsk;
}
