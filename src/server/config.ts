/** Server settings from the environment and command line, checked once at start. */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed', import.meta.url));

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  seedDir: z.string().min(1),
  graphiql: z.boolean(),
});

export type Config = z.infer<typeof schema>;

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '') return true;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, not "${value}"`);
}

/**
 * Reads `PORT` (default 4000), `HOST` (default 127.0.0.1: set 0.0.0.0 to serve other machines),
 * `SEED_DIR` or `--seed DIR` (default: the bundled seed/), `GRAPHIQL` (default on).
 * Throws an Error with a readable message on a bad value.
 */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
    },
    strict: true,
  });
  const result = schema.safeParse({
    port: values.port ?? env.PORT ?? 4000,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    seedDir: values.seed ?? env.SEED_DIR ?? DEFAULT_SEED_DIR,
    graphiql: flag(env.GRAPHIQL, 'GRAPHIQL'),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
