/**
 * Provenance and validity on every node and link: the fields the core types lack, so that any
 * object answers `sources`, `corrections` and `validity` the same way.
 */
import type { Citation, Correction } from '../graph/types';
import { postValidity, responsibilityValidity } from '../graph/validity';
import { builder } from './builder';
import { CitationRef, CorrectionRef } from './citation';
import { PostRef, ResponsibilityRef, TopicRef } from './refs';
import { ValidityRef } from './validity';

const NONE: readonly Correction[] = [];

builder.objectFields(PostRef, (t) => ({
  validity: t.field({
    type: ValidityRef,
    description: 'When the post existed: the sources date no post, so its unit’s dates.',
    resolve: (p, _, ctx) => postValidity(ctx.graph, p),
  }),
  corrections: t.field({
    type: [CorrectionRef],
    description: 'Where a source is wrong about the post (none are recorded).',
    resolve: () => NONE,
  }),
}));

builder.objectFields(ResponsibilityRef, (t) => ({
  validity: t.field({
    type: ValidityRef,
    description:
      'When the link held: stated as of the dataset’s date, and taken to hold while its unit existed.',
    resolve: (r, _, ctx) => responsibilityValidity(ctx.graph, r),
  }),
  corrections: t.field({
    type: [CorrectionRef],
    description: 'Where a source is wrong about the link (none are recorded).',
    resolve: () => NONE,
  }),
}));

builder.objectFields(TopicRef, (t) => ({
  sources: t.field({
    type: [CitationRef],
    description:
      'The sentences that name the topic: those of the responsibilities linking units to it. The vocabulary itself (labels, broader and narrower) is the dataset’s own.',
    resolve: async (topic, _, ctx) => {
      const seen = new Set<string>();
      const out: Citation[] = [];
      for (const r of await ctx.loaders.handlers.load(topic.key)) {
        for (const c of r.sources) {
          const key = `${c.document.key}\u0000${c.quote}`;
          if (!seen.has(key)) out.push(c);
          seen.add(key);
        }
      }
      return out;
    },
  }),
  corrections: t.field({
    type: [CorrectionRef],
    description: 'Where a source is wrong about the topic (none are recorded).',
    resolve: () => NONE,
  }),
}));
