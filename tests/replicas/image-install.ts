/**
 * Global setup of `npm run test:replicas`: lays out what the Dockerfile's runtime stage would
 * hold in a temporary directory standing for its WORKDIR (the files it copies, from the build
 * context or from the build stage, whose `npm run build` the test script has just run), and runs
 * its RUN lines there: a production-only install of a built checkout. The tests start the
 * stage's CMD from it, with its ENV, as the unprivileged user when they can.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { runtimeStage } from './dockerfile';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory standing for the runtime stage's WORKDIR. */
    imageDir: string;
    /** The stage's ENV, its paths moved into imageDir. */
    imageEnv: Record<string, string>;
    imageCmd: string[];
    imageHealthcheck: string[];
    /** The stage's USER, and the uid/gid the tests run its processes as (when root). */
    imageUser: string;
    runAs: { uid: number; gid: number } | null;
  }
}

let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'build.json')))
    throw new Error('dist/ is not built: run `npm run test:replicas`, which builds it first');
  const stage = await runtimeStage();
  dir = await mkdtemp(join(tmpdir(), 'orggraph-image-'));
  const inImage = (path: string) =>
    path.startsWith('/') ? join(dir ?? '', relative(stage.workdir, path)) : join(dir ?? '', path);

  for (const copy of stage.copies) {
    const fromDir = copy.from === undefined ? undefined : stage.workdirs.get(copy.from);
    const dest = inImage(copy.dest);
    for (const source of copy.sources) {
      // The build stage works in a copy of the checkout, so its WORKDIR is the checkout here.
      const from = join(ROOT, fromDir === undefined ? source : relative(fromDir, source));
      const target = copy.dest.endsWith('/') ? join(dest, basename(source)) : dest;
      await mkdir(copy.dest.endsWith('/') ? dest : join(dest, '..'), { recursive: true });
      await cp(from, target, { recursive: true });
    }
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(stage.env))
    env[key] =
      value === stage.workdir || value.startsWith(`${stage.workdir}/`) ? inImage(value) : value;
  for (const run of stage.runs)
    await promisify(execFile)('sh', ['-c', run], { cwd: dir, env: { ...process.env, ...env } });

  // Docker's COPY leaves files readable by every user; so must this directory be.
  await chmod(dir, 0o755);
  const root = process.getuid?.() === 0;
  project.provide('imageDir', dir);
  project.provide('imageEnv', env);
  project.provide('imageCmd', [...stage.cmd]);
  project.provide('imageHealthcheck', [...stage.healthcheck]);
  project.provide('imageUser', stage.user ?? 'root');
  // There is no `node` user here: `nobody` stands for any unprivileged one.
  project.provide(
    'runAs',
    root && stage.user && stage.user !== 'root' ? { uid: 65534, gid: 65534 } : null,
  );
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
