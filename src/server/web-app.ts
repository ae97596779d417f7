/**
 * Serves the built org chart page (dist/web, made by `npm run build`) at `/` and its hashed assets
 * under `/assets/`. Only files the build wrote are served: names are checked, never joined blindly.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WEB_DIST_DIR } from '../graph/project-paths';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const ASSET = /^\/assets\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg|png|woff2))$/;

async function fileResponse(path: string, type: string, cache: string): Promise<Response | null> {
  try {
    const body = await readFile(path);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': type, 'cache-control': cache },
    });
  } catch {
    return null;
  }
}

export async function pageResponse(dir: string): Promise<Response> {
  const page = await fileResponse(join(dir, 'index.html'), 'text/html; charset=utf-8', 'no-cache');
  return (
    page ??
    new Response('The org chart page is not built: run `npm run build` (npm start does it).', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  );
}

export async function assetResponse(dir: string, name: string, ext: string): Promise<Response> {
  const file = await fileResponse(
    join(dir, 'assets', name),
    TYPES[ext] ?? 'application/octet-stream',
    // Vite puts a content hash in every asset name, so an asset never changes.
    'public, max-age=31536000, immutable',
  );
  return file ?? new Response('Not found', { status: 404 });
}
