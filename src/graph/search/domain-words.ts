/**
 * The words that say "a field" ("matters", "questions") or name the organisation itself ("NATO",
 * "OTAN", "Alliance") without naming a topic. The first come from domain-words.yaml, one list per
 * language; the second from the dataset: the names, acronyms and aliases of its whole
 * organisations, so another dataset brings its own.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { perGraph } from '../graph-memo';
import { DOMAIN_WORDS_FILE } from '../project-paths';
import type { OrgGraph } from '../org-graph';
import { wordsOf } from './analyze';

const FILE = DOMAIN_WORDS_FILE;

const schema = z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1)));

let domain: ReadonlySet<string> | undefined;

function domainWords(): ReadonlySet<string> {
  if (!domain) {
    const lists = schema.parse(parse(readFileSync(FILE, 'utf8')));
    domain = new Set(
      Object.values(lists)
        .flat()
        .flatMap((text) => wordsOf(text).map((w) => w.folded)),
    );
  }
  return domain;
}

export interface DomainWords {
  /** Folded words that say "a field": "matters", "questions", "affaires". */
  readonly domain: ReadonlySet<string>;
  /** Folded words of the organisation's own names: "nato", "otan", "alliance". */
  readonly context: ReadonlySet<string>;
}

export const domainWordsOf = perGraph((graph: OrgGraph): DomainWords => {
  const context = new Set<string>();
  for (const unit of graph.units().filter((u) => graph.kind(u.kind).formalOrganization)) {
    const texts = [
      unit.name.en,
      unit.name.fr,
      unit.acronym?.en ?? '',
      unit.acronym?.fr ?? '',
      ...unit.aliases.map((a) => a.text),
    ];
    for (const text of texts) for (const w of wordsOf(text)) if (!w.stop) context.add(w.folded);
  }
  return { domain: domainWords(), context };
});
