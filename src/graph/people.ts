/**
 * People holding posts, where a dataset names them (people.yaml and a post's `holders`). A post
 * exists independently of whoever holds it; a holding says who held it from when until when, as
 * far as the data says. The loaded graph shows every holding, past and present; a view on a date
 * (as-of.ts) shows those whose dates cover its day, so "who held the post then" is the view's
 * answer, and an undated end is taken as open (the data does not say it ended).
 */
import { dayOf } from './as-of';
import { perGraph } from './graph-memo';
import type { OrgGraph } from './org-graph';
import { endOf, startOf, type PartialDate } from './partial-date';
import type { Holding, HoldingData, Person, Post } from './types';
import type { Validity } from './validity';

const NONE: readonly never[] = Object.freeze([]);

/** Whether a holding held on `day` ("YYYY-MM-DD"): open ends hold, partial dates cover their period. */
export function holdsOn(holding: HoldingData, day: string): boolean {
  if (holding.from && startOf(holding.from) > day) return false;
  if (holding.until && endOf(holding.until) < day) return false;
  return true;
}

/** When a holding held: its own dates, each end open where the data gives none. */
export function holdingValidity(holding: HoldingData): Validity {
  if (!holding.from && !holding.until) return { basis: 'undated' };
  return { validFrom: holding.from, validTo: holding.until, basis: 'recorded' };
}

interface HoldingIndex {
  readonly byPost: ReadonlyMap<string, readonly Holding[]>;
  readonly byPerson: ReadonlyMap<string, readonly Holding[]>;
}

/** Each graph's holdings, bound to it, by post and by person; a view's only those of its day. */
const holdingsOf = perGraph((graph: OrgGraph): HoldingIndex => {
  const byPost = new Map<string, Holding[]>();
  const byPerson = new Map<string, Holding[]>();
  const day = graph.date && dayOf(graph.date);
  for (const post of graph.posts())
    for (const data of post.holders ?? NONE) {
      if (day !== undefined && !holdsOn(data, day)) continue;
      if (!graph.person(data.personKey)) continue;
      const holding: Holding = Object.defineProperty({ ...data }, 'graph', {
        value: graph,
        enumerable: false,
      }) as Holding;
      for (const [map, key] of [
        [byPost, data.postKey],
        [byPerson, data.personKey],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(holding);
        else map.set(key, [holding]);
      }
    }
  for (const list of byPost.values()) list.sort(byStart);
  for (const list of byPerson.values()) list.sort(byStart);
  return { byPost, byPerson };
});

/** Earliest first; an undated start first (it is not known to be later). */
function byStart(a: HoldingData, b: HoldingData): number {
  return startOrBlank(a.from).localeCompare(startOrBlank(b.from));
}
const startOrBlank = (d: PartialDate | undefined) => (d ? startOf(d) : '');

/** Who holds or held a post, earliest first (in a view: who held it on the view's day). */
export function holdersOf(post: Post): readonly Holding[] {
  return holdingsOf(post.graph).byPost.get(post.key) ?? NONE;
}

/** The posts a person holds or held, earliest first (in a view: those held on its day). */
export function holdingsOfPerson(person: Person): readonly Holding[] {
  return holdingsOf(person.graph).byPerson.get(person.key) ?? NONE;
}

/** The person and post of a holding, in the holding's graph (the loader checks both exist). */
export function personOfHolding(holding: Holding): Person {
  const person = holding.graph.person(holding.personKey);
  if (!person) throw new Error(`holding of unknown person ${holding.personKey}`);
  return person;
}

export function postOfHolding(holding: Holding): Post {
  const post = holding.graph.post(holding.postKey);
  if (!post) throw new Error(`holding of unknown post ${holding.postKey}`);
  return post;
}

/** Whether the dataset names any person: its schema then has people (Person, Post.holders). */
export const holdsPeople = (graph: OrgGraph): boolean => graph.base.people().length > 0;
