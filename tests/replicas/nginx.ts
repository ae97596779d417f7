/**
 * A real nginx (Debian's; .ci/run installs it) in front of loopback replicas, configured as
 * compose.yaml's is: deploy/nginx/compose.conf with the service names swapped for loopback ports,
 * and deploy/nginx/proxy.conf included as it is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPLOY = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url));
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface Nginx {
  readonly base: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
  errors(): Promise<string>;
}

/** compose.conf, aimed at the given replica ports and listening on `port`. */
export async function loopbackConfig(
  replicaPorts: readonly number[],
  port: number,
): Promise<string> {
  const compose = await readFile(join(DEPLOY, 'compose.conf'), 'utf8');
  let replica = 0;
  const servers = compose.replace(/server orggraph-\d+:4000/g, () => {
    const next = replicaPorts[replica++];
    if (next === undefined) throw new Error('compose.conf names more replicas than were started');
    return `server 127.0.0.1:${next}`;
  });
  if (replica !== replicaPorts.length) throw new Error(`compose.conf names ${replica} replicas`);
  const listening = servers.replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  const included = listening.replace(
    'include /etc/nginx/orggraph/proxy.conf;',
    // Which replica answered, for the test's counts (never in the shipped config).
    `add_header X-Test-Upstream $upstream_addr always;\n    include ${join(DEPLOY, 'proxy.conf')};`,
  );
  if (included === listening || listening === servers)
    throw new Error('compose.conf no longer has the listen and include lines this test rewrites');
  return included;
}

export async function startNginx(replicaPorts: readonly number[], port: number): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} not found: install Debian's nginx (.ci/run does) or set NGINX_PATH`);
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-nginx-'));
  const root = process.getuid?.() === 0;
  await writeFile(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${root ? 'user nobody nogroup;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${(await loopbackConfig(replicaPorts, port)).replace(/\n/g, '\n  ')}
}
`,
  );
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${base}/healthz`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return {
    base,
    child,
    errors: async () =>
      `${stderr}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`,
    async stop() {
      child.kill('SIGQUIT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
