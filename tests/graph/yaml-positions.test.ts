/**
 * Problems in a seed file are placed from js-yaml's events; they must land where the `yaml`
 * library's positional tree puts them, for every field of the default dataset.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { YamlPositions, type FieldPath } from '../../src/graph/yaml-positions';

/** Every field path of a value, depth first. */
function paths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

describe('placing a field of a seed file', () => {
  it.each(['units.yaml', 'topics.yaml', 'events.yaml', 'posts.yaml', 'sources.yaml'])(
    'agrees with the yaml tree on every field of %s',
    async (file) => {
      const text = await readFile(join(DEFAULT_SEED_DIR, file), 'utf8');
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines });
      const positions = new YamlPositions(text);
      let compared = 0;
      for (const path of paths(doc.toJS())) {
        const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node;
        const block =
          isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
        if (block) continue; // placed at its key instead: see the next test
        const { line, col } = lines.linePos(node.range![0]);
        expect([path, positions.locate(path)]).toEqual([path, [line, col]]);
        compared += 1;
      }
      expect(compared).toBeGreaterThan(10);
    },
  );

  it('places a block scalar at its key and a missing field at its record', () => {
    const text = ['- key: a', '  description: >-', '    folded', '    text', '- key: b', ''].join(
      '\n',
    );
    const positions = new YamlPositions(text);
    expect(positions.locate([0, 'description'])).toEqual([2, 3]);
    expect(positions.locate([1, 'description'])).toEqual([5, 3]);
    expect(positions.locate([1])).toEqual([5, 3]);
    expect(positions.locate([7, 'key'])).toEqual([1, 1]);
  });
});
