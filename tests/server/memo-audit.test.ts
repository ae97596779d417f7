/**
 * Every cache and memo is bounded in bytes or by the dataset: a module-level Map or Set that
 * grows with what clients send is not allowed (use TextMemo, perGraph or perGraphKeyed, which are
 * bounded), and every LRU cache is bounded by size (`maxSize`), never by a count of entries alone.
 * WeakMaps are allowed: what they hold goes with the object they are keyed by (a document, a
 * graph, a request's context).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sources(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? Promise.resolve([join(dir, e.name)])
          : Promise.resolve([]),
    ),
  );
  return files.flat();
}

describe('caches and memos', async () => {
  const files = await Promise.all(
    (await sources(SRC)).map(async (path) => ({
      path: relative(SRC, path),
      lines: (await readFile(path, 'utf8')).split('\n'),
    })),
  );

  it('has no module-level Map or Set filled at run time', () => {
    const growing = /^(export )?(const|let) \w+(: [^=]+)? = new (Map|Set)(<[^(]*>)?\(\)/;
    const found = files.flatMap(({ path, lines }) =>
      lines.flatMap((line, i) => (growing.test(line) ? [`${path}:${i + 1}: ${line}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('bounds every LRU cache by size', () => {
    const unbounded = files.flatMap(({ path, lines }) =>
      lines.flatMap((line, i) =>
        line.includes('new LRUCache') &&
        !lines
          .slice(i, i + 4)
          .join('\n')
          .includes('maxSize')
          ? [`${path}:${i + 1}`]
          : [],
      ),
    );
    expect(unbounded).toEqual([]);
  });
});
