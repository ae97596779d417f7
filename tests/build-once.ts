/**
 * vitest's global setup: builds dist/ (`npm run build`) when it is missing or stale, once before
 * any test file, so the tests of the chart page and of the built server never race two builds.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BUILD = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));

export async function setup(): Promise<void> {
  await promisify(execFile)(process.execPath, [BUILD, '--if-stale']);
}
