/**
 * The unit-name index: every name, acronym and alias finds its unit, names that fold alike find
 * the same one, and names whose hashes collide are told apart by their text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { unitNamesOf } from '../../src/graph/build-graph';
import { loadSeed } from '../../src/graph/load-seed';
import { nameKey } from '../../src/graph/normalize';
import type { OrgGraph } from '../../src/graph/org-graph';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { UnitNameIndex } from '../../src/graph/unit-name-index';

let graph: OrgGraph;
beforeAll(async () => {
  graph = await loadSeed(DEFAULT_SEED_DIR);
});

function built(hashOf?: (text: string) => number): UnitNameIndex {
  const steps = UnitNameIndex.inSlices(graph.units(), hashOf);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

describe('the unit-name index', () => {
  it('finds the unit of every name, acronym and alias, and nothing for other text', () => {
    for (const index of [graph.unitNameIndex(), built(), built(() => 7), built((t) => t.length)]) {
      let names = 0;
      for (const unit of graph.units()) {
        for (const [, entry] of unitNamesOf(unit)) {
          expect(index.unitNamed(nameKey(entry.text))?.key, entry.text).toBe(unit.key);
          names += 1;
        }
      }
      expect(names).toBeGreaterThan(2 * graph.units().length);
      expect(index.unitNamed(nameKey('Division of Unicorns'))).toBeUndefined();
      expect(index.unitNamed('')).toBeUndefined();
    }
  });

  it('finds a unit by its name written with other accents, case and spacing', () => {
    const index = built(() => 0);
    expect(index.unitNamed(nameKey('  division OPERATIONS '))?.key).toBe('operations');
    expect(index.unitNamed(nameKey('Division Operations'))?.key).toBe('operations');
  });
});
