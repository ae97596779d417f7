/**
 * Start-up time of the compiled server (dist/, as production runs it), from process start to
 * `/readyz` answering 200, on one seed directory: from the YAML (snapshots off) and from a
 * snapshot written beforehand by `seed:build`; median of several rounds, with the CPU time and
 * the RSS (now and at its peak) of the server process, and the floors of issue 13 marked. Then
 * the same until the warm-up that follows readiness has built the indexes (its log line), with
 * the RSS then: the memory floor is checked against that peak, what a serving process holds.
 * Also when the server logs that it listens: the graph is loaded then, and the first `/readyz`
 * waits for the warm-up step that started meanwhile (warm-indexes.ts), which the gap shows.
 *
 *   tsx bench/scale/snapshot.ts --dir DIR [--rounds 5]   # alone, on a generated organisation
 *     [--yaml-rounds N] [--snapshot-dir DIR] [--units N] [--max-old-space-size MB]
 *     [--node-flag=--FLAG …]
 *   npm run bench:scale                                  # run.ts calls startFigures()
 */
import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { SNAPSHOT_FILE } from '../../src/graph/snapshot';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist/server/main.js');
const SEED_BUILD = join(ROOT, 'dist/cli/seed-build.js');

/** Issue 13's floors, by size: seconds to ready, and the most RSS allowed from a snapshot. */
const FLOORS: Record<number, { yamlS?: number; snapshotS: number; rssMb?: number }> = {
  100_000: { yamlS: 5, snapshotS: 1.5 },
  1_000_000: { snapshotS: 15, rssMb: 2048 },
};

export interface StartRound {
  /** Until the server logs where it listens (the graph is loaded). */
  listenMs: number;
  readyMs: number;
  cpuMs: number;
  rssMb: number;
  peakRssMb: number;
  /** From process start until the server logs that its indexes are built (after ready). */
  warmMs: number;
  warmCpuMs: number;
  /** RSS once warm: what the server holds while serving. */
  warmRssMb: number;
  warmPeakRssMb: number;
  from: string;
}

async function procStatus(pid: number): Promise<{ rssMb: number; peakRssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

async function cpuMsOf(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One start of the compiled server: the time until `/readyz` answers 200. */
async function startOnce(
  seedDir: string,
  snapshotDir: string,
  nodeOptions: string[],
): Promise<StartRound> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, MAIN], {
    env: {
      ...process.env,
      SEED_DIR: seedDir,
      SNAPSHOT_DIR: snapshotDir,
      PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    let listenMs: number | undefined;
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /"url":"([^"]+)"/.exec(out);
        if (m?.[1]) {
          listenMs ??= performance.now() - started;
          resolve(m[1].replace('/graphql', '/readyz'));
        }
      });
      child.on('exit', (code) =>
        reject(new Error(`server exited with ${code}: ${out.slice(-500)}`)),
      );
    });
    // Listening comes after loading; poll in case readiness ever comes later.
    for (;;) {
      const response = await fetch(url).catch(() => undefined);
      if (response?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readyMs = performance.now() - started;
    const pid = child.pid ?? 0;
    const ready = { cpuMs: await cpuMsOf(pid), ...(await procStatus(pid)) };
    const from = /loaded the dataset from its snapshot/.test(out)
      ? 'snapshot'
      : /snapshot ignored/.test(out)
        ? 'yaml (snapshot ignored)'
        : 'yaml';
    // The warm-up that follows readiness (src/graph/warm-indexes.ts), until its log line.
    while (!/"msg":"indexes built"/.test(out)) {
      if (child.exitCode !== null) throw new Error(`server exited: ${out.slice(-500)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const warmMs = performance.now() - started;
    const warm = await procStatus(pid);
    return {
      listenMs: listenMs ?? readyMs,
      readyMs,
      ...ready,
      warmMs,
      warmCpuMs: await cpuMsOf(pid),
      warmRssMb: warm.rssMb,
      warmPeakRssMb: warm.peakRssMb,
      from,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(0) : child.once('exit', resolve),
    );
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

function summary(rounds: readonly StartRound[]) {
  return {
    listenMs: median(rounds.map((r) => r.listenMs)),
    readyMs: median(rounds.map((r) => r.readyMs)),
    range: [Math.min(...rounds.map((r) => r.readyMs)), Math.max(...rounds.map((r) => r.readyMs))],
    cpuMs: median(rounds.map((r) => r.cpuMs)),
    rssMb: median(rounds.map((r) => r.rssMb)),
    peakRssMb: median(rounds.map((r) => r.peakRssMb)),
    warmMs: median(rounds.map((r) => r.warmMs)),
    warmCpuMs: median(rounds.map((r) => r.warmCpuMs)),
    warmRssMb: median(rounds.map((r) => r.warmRssMb)),
    warmPeakRssMb: median(rounds.map((r) => r.warmPeakRssMb)),
    from: [...new Set(rounds.map((r) => r.from))].join(', '),
  };
}

/**
 * Times the compiled server's start on `seedDir` from the YAML and from a snapshot (`rounds`
 * each), prints one line per path and returns the figures. Needs `npm run build` first.
 */
export async function startFigures(
  seedDir: string,
  options: {
    rounds?: number;
    yamlRounds?: number;
    units?: number;
    nodeOptions?: string[];
    /** A snapshot directory seed:build has written already (kept); else one is made. */
    snapshotDir?: string;
  } = {},
) {
  const rounds = options.rounds ?? 5;
  // No round would give a median of nothing, printed as NaN and marked as failing the floors.
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be a whole number of at least 1 (got ${String(rounds)})`);
  /** Fewer rounds from the YAML where it is slow and has no floor (1,000,000 units). */
  const yamlRounds = Math.min(rounds, options.yamlRounds ?? rounds);
  const nodeOptions = options.nodeOptions ?? [];
  const given = options.snapshotDir;
  // A given directory must hold a snapshot already: else every "from a snapshot" round would
  // quietly start from the YAML.
  if (given !== undefined)
    await access(join(given, SNAPSHOT_FILE)).catch(() => {
      throw new Error(
        `${join(given, SNAPSHOT_FILE)} does not exist: write it first (\`node dist/cli/seed-build.js --out ${given} SEED_DIR\`) or leave out --snapshot-dir`,
      );
    });
  const snapshotDir = given ?? (await mkdtemp(join(tmpdir(), 'orggraph-snapshot-')));
  try {
    const built = performance.now();
    if (given === undefined)
      await promisify(execFile)(
        process.execPath,
        [...nodeOptions, SEED_BUILD, seedDir, '--out', snapshotDir],
        {
          maxBuffer: 1 << 20,
        },
      );
    const buildS = (performance.now() - built) / 1000;
    const yaml: StartRound[] = [];
    const snapshot: StartRound[] = [];
    // Alternated, so a change in the machine's load falls on both paths alike.
    for (let i = 0; i < rounds; i++) {
      if (i < yamlRounds) yaml.push(await startOnce(seedDir, 'off', nodeOptions));
      snapshot.push(await startOnce(seedDir, snapshotDir, nodeOptions));
    }
    const units = options.units;
    const floor = units === undefined ? undefined : FLOORS[units];
    const line = (label: string, s: ReturnType<typeof summary>, limitS?: number, rssMb?: number) =>
      `  ${label.padEnd(15)} listening after ${(s.listenMs / 1000).toFixed(2)} s, ready after ${(s.readyMs / 1000).toFixed(2)} s (${s.range.map((x) => (x / 1000).toFixed(2)).join('–')}), ${(s.cpuMs / 1000).toFixed(2)} s CPU, RSS ${s.rssMb.toFixed(0)} MB (peak ${s.peakRssMb.toFixed(0)} MB) [${s.from}]; indexes built after ${(s.warmMs / 1000).toFixed(2)} s, ${(s.warmCpuMs / 1000).toFixed(2)} s CPU, RSS ${s.warmRssMb.toFixed(0)} MB (peak ${s.warmPeakRssMb.toFixed(0)} MB)` +
      (limitS === undefined
        ? ''
        : `   [≤ ${limitS} s: ${s.readyMs <= limitS * 1000 ? 'pass' : 'FAIL'}]`) +
      (rssMb === undefined
        ? ''
        : ` [peak RSS ≤ ${rssMb} MB: ${s.warmPeakRssMb <= rssMb ? 'pass' : 'FAIL'}]`);
    const fromYaml = summary(yaml);
    const fromSnapshot = summary(snapshot);
    console.log(
      `\ncompiled server, process start to /readyz 200 (median of ${yamlRounds} from the YAML, ${rounds} from a snapshot; ${given === undefined ? `seed:build wrote the snapshot in ${buildS.toFixed(1)} s` : `snapshot from ${given}`}):`,
    );
    if (yaml.length > 0) console.log(line('from the YAML', fromYaml, floor?.yamlS));
    console.log(line('from a snapshot', fromSnapshot, floor?.snapshotS, floor?.rssMb));
    return { fromYaml, fromSnapshot, buildS };
  } finally {
    if (given === undefined) await rm(snapshotDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      units: { type: 'string' },
      'yaml-rounds': { type: 'string' },
      'snapshot-dir': { type: 'string' },
      'max-old-space-size': { type: 'string' },
      /** Any flag for the server's node, e.g. `--node-flag=--max-semi-space-size=64`. */
      'node-flag': { type: 'string', multiple: true },
    },
  });
  if (!values.dir) throw new Error('usage: tsx bench/scale/snapshot.ts --dir DIR [--rounds N]');
  const heap = values['max-old-space-size'];
  await startFigures(values.dir, {
    rounds: Number(values.rounds),
    yamlRounds: values['yaml-rounds'] === undefined ? undefined : Number(values['yaml-rounds']),
    units: values.units === undefined ? undefined : Number(values.units),
    nodeOptions: [
      ...(heap ? [`--max-old-space-size=${heap}`] : []),
      ...(values['node-flag'] ?? []),
    ],
    snapshotDir: values['snapshot-dir'],
  });
}
