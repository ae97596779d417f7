/** A name to display for any node: a unit's name, a post's title with its unit, a topic's label. */
import type { NodeRef } from './graph-index';
import type { Lang } from './types';

export function nodeLabel(node: NodeRef, lang: Lang): string {
  const { graph } = node;
  switch (node.type) {
    case 'unit':
      return graph.unit(node.key)?.name[lang] ?? node.key;
    case 'post': {
      const post = graph.post(node.key);
      const unit = post && graph.unit(post.unitKey);
      if (!post) return node.key;
      return unit ? `${post.title[lang]} (${unit.name[lang]})` : post.title[lang];
    }
    case 'topic':
      return graph.topic(node.key)?.label[lang] ?? node.key;
    case 'event':
      return graph.event(node.key)?.title[lang] ?? node.key;
  }
}
