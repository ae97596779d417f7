/**
 * `npm run build` builds the org chart page into dist/web; with `--if-stale` (run before
 * `npm start`) it builds only when the page is missing or older than its sources.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WEB_DIST_DIR } from '../graph/project-paths';

const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));

async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(
      latest,
      entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs,
    );
  }
  return latest;
}

async function builtAt(): Promise<number> {
  try {
    return (await stat(join(WEB_DIST_DIR, 'index.html'))).mtimeMs;
  } catch {
    return 0;
  }
}

if (process.argv.includes('--if-stale') && (await builtAt()) >= (await newest(WEB_DIR))) {
  process.exit(0);
}
await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
console.log(`built the org chart page into ${WEB_DIST_DIR}`);
