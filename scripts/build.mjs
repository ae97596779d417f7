// @ts-check
/**
 * `npm run build`: compiles the server and the commands to plain JavaScript in dist/ (esbuild)
 * and builds the org chart page into dist/web (Vite), then records a hash of what it read in
 * dist/build.json. `--if-stale` (run before `npm start`) builds only when dist/ is missing or
 * that hash differs; when dist/ is up to date it loads no build tool, so a built checkout starts
 * with production dependencies only. Plain JavaScript: it runs before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, 'build.json');

/** Everything the build reads; a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'web', 'scripts/build.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * What is compiled, by output path under dist/. Each output sits at the depth of the sources it
 * bundles, so their `import.meta.url`-relative paths (the seed, dist/web) still hold.
 */
const ENTRIES = {
  'server/main': 'src/server/main.ts',
  'server/cluster': 'src/server/cluster.ts',
  'cli/seed-check': 'src/cli/seed-check.ts',
  'cli/seed-generate': 'src/cli/seed-generate.ts',
  'cli/seed-build': 'src/cli/seed-build.ts',
  'cli/seed-schemas': 'src/cli/seed-schemas.ts',
  'cli/schema-print': 'src/cli/schema-print.ts',
  'cli/export': 'src/cli/export.ts',
  'cli/trusted-documents': 'src/cli/trusted-documents.ts',
};

/**
 * Data files the compiled code reads at run time (the words of `ask`, the search's domain words),
 * copied to the same place under dist/ as under src/: project-paths.ts finds them from either.
 */
const DATA = ['graph/ask/lang', 'graph/search/domain-words.yaml'];

/** @param {string} path @returns {Promise<string[]>} every file under path (or path itself) */
async function filesUnder(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  const entries = await readdir(full, { withFileTypes: true, recursive: true }).catch(() => null);
  if (entries === null) return [path];
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A hash of the inputs' paths and bytes, or undefined when there are no sources (a runtime image). */
async function inputsHash() {
  if (!existsSync(join(ROOT, 'src'))) return undefined;
  const files = (await Promise.all(INPUTS.map(filesUnder))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(ROOT, file)));
  return hash.digest('hex');
}

/** @returns {Promise<string | undefined>} the inputs hash dist/ was built from */
async function builtFrom() {
  try {
    return JSON.parse(await readFile(STAMP, 'utf8')).inputs;
  } catch {
    return undefined;
  }
}

/** Imports a build tool, or stops with a message saying how to get it. @param {string} name */
async function tool(name) {
  try {
    return await import(name);
  } catch {
    console.error(
      `orggraph: dist/ must be built, but ${name} (a dev dependency) is not installed: run \`npm ci && npm run build\`, then \`npm ci --omit=dev\` to drop the build tools.`,
    );
    process.exit(1);
  }
}

/**
 * Fails the build when a module that uses `import.meta.url` is bundled into an output at another
 * depth than its own: its relative paths would point elsewhere.
 * @param {import('esbuild').Metafile} metafile
 */
async function checkImportMetaDepths(metafile) {
  const depth = (/** @type {string} */ file) => dirname(file).split('/').length;
  /** @type {Map<string, boolean>} */
  const usesImportMeta = new Map();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (!output.endsWith('.js')) continue;
    for (const input of Object.keys(inputs)) {
      if (depth(input) === depth(output)) continue;
      if (!usesImportMeta.has(input))
        usesImportMeta.set(
          input,
          (await readFile(join(ROOT, input), 'utf8')).includes('import.meta.url'),
        );
      if (usesImportMeta.get(input))
        throw new Error(
          `${input} uses import.meta.url but is bundled into ${output}, at another depth: move it, or give it an entry of its own`,
        );
    }
  }
}

async function build() {
  const started = performance.now();
  const inputs = await inputsHash();
  const esbuild = await tool('esbuild');
  const vite = await tool('vite');
  await rm(DIST, { recursive: true, force: true });
  const { metafile } = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir: 'dist',
    bundle: true,
    // Dependencies are bundled too: resolving and loading their modules one by one was most of a
    // start. Left in node_modules: graphql, so that the bundle and the packages outside it share
    // its one copy; OpenTelemetry and its envelop plugin, imported only when tracing is on; the
    // GraphiQL page (9 MB, imported only when shown); pino, whose worker-thread transports find
    // their files beside its own.
    external: [
      'graphql',
      '@opentelemetry/*',
      '@envelop/opentelemetry',
      '@graphql-yoga/render-graphiql',
      'pino',
      'pino-*',
      'thread-stream',
    ],
    // What several outputs share is one chunk in dist/lib/ (at the depth of dist/server/ and
    // dist/cli/, as the import.meta.url check below wants), built and written once.
    splitting: true,
    chunkNames: 'lib/[name]-[hash]',
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  await checkImportMetaDepths(metafile);
  for (const data of DATA) await cp(join(ROOT, 'src', data), join(DIST, data), { recursive: true });
  await vite.build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(
    STAMP,
    `${JSON.stringify({ inputs, node: process.version, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built the server, the commands and the org chart page into dist/ in ${seconds} s`);
}

if (process.argv.includes('--if-stale')) {
  const [now, then] = await Promise.all([inputsHash(), builtFrom()]);
  // Without sources (a runtime image) a dist/ that was built is all there is.
  const fresh = then !== undefined && (now === undefined || now === then);
  if (!fresh) {
    console.log(then === undefined ? 'dist/ is not built: building' : 'dist/ is stale: building');
    await build();
  }
} else {
  await build();
}
