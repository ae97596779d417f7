/**
 * Reads the project's Dockerfile: its stages and the plain instructions of the runtime stage, so
 * tests can do what the image would without a Docker engine. Anything it does not understand is
 * an error, not a guess.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const DOCKERFILE = fileURLToPath(new URL('../../Dockerfile', import.meta.url));

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

/** What the runtime stage copies, runs and starts. */
export interface RuntimeStage {
  readonly workdir: string;
  /** Files in order: `from` is a stage name, or undefined for the build context. */
  readonly copies: readonly { from?: string; sources: string[]; dest: string }[];
  /** The WORKDIR of each stage, to place files copied from it. */
  readonly workdirs: ReadonlyMap<string, string>;
  /** RUN commands, without BuildKit's `--mount` options (a cache does not change the result). */
  readonly runs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly user: string | undefined;
  readonly volumes: readonly string[];
  readonly healthcheck: readonly string[];
  readonly cmd: readonly string[];
}

function stages(text: string): Stage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const result: { name: string; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const name = /\bAS\s+(\S+)$/i.exec(args)?.[1];
      if (!name) throw new Error(`Dockerfile: every stage needs a name: ${line}`);
      result.push({ name, instructions: [] });
    } else if (result.length === 0) throw new Error(`Dockerfile: ${line} before FROM`);
    else result.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return result;
}

const jsonArray = (args: string, what: string): string[] => {
  const value: unknown = JSON.parse(args);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new Error(`Dockerfile: ${what} must be a JSON array of strings`);
  return value;
};

export async function runtimeStage(name = 'runtime'): Promise<RuntimeStage> {
  const all = stages(await readFile(DOCKERFILE, 'utf8'));
  const workdirs = new Map(
    all.map((s) => [s.name, s.instructions.find((i) => i.keyword === 'WORKDIR')?.args ?? '/']),
  );
  const stage = all.find((s) => s.name === name);
  if (!stage) throw new Error(`Dockerfile: no stage named ${name}`);
  const copies: { from?: string; sources: string[]; dest: string }[] = [];
  const runs: string[] = [];
  const env: Record<string, string> = {};
  const volumes: string[] = [];
  let user: string | undefined;
  let healthcheck: string[] = [];
  let cmd: string[] = [];
  for (const { keyword, args } of stage.instructions) {
    switch (keyword) {
      case 'WORKDIR':
      case 'EXPOSE':
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words[0]?.startsWith('--from=') ? words.shift()?.slice(7) : undefined;
        if (words.some((w) => w.startsWith('--')))
          throw new Error(`Dockerfile: COPY option not understood: ${args}`);
        const dest = words.pop();
        if (!dest || words.length === 0)
          throw new Error(`Dockerfile: COPY needs a source: ${args}`);
        copies.push({ from, sources: words, dest });
        break;
      }
      case 'RUN':
        runs.push(args.replace(/^(--mount=\S+\s+)+/, ''));
        break;
      case 'ENV':
        for (const pair of args.split(/\s+/)) {
          const [, key, value] = /^(\w+)=(\S*)$/.exec(pair) ?? [];
          if (!key || value === undefined) throw new Error(`Dockerfile: ENV as KEY=value: ${args}`);
          env[key] = value;
        }
        break;
      case 'VOLUME':
        volumes.push(...jsonArray(args, 'VOLUME'));
        break;
      case 'USER':
        user = args;
        break;
      case 'HEALTHCHECK': {
        const [, command = ''] = /\bCMD\s+(\[.*\])$/.exec(args) ?? [];
        healthcheck = jsonArray(command, 'HEALTHCHECK CMD');
        break;
      }
      case 'CMD':
        cmd = jsonArray(args, 'CMD');
        break;
      default:
        throw new Error(`Dockerfile: ${keyword} is not understood by tests/replicas/dockerfile.ts`);
    }
  }
  return {
    workdir: workdirs.get(name) ?? '/',
    copies,
    workdirs,
    runs,
    env,
    user,
    volumes,
    healthcheck,
    cmd,
  };
}
