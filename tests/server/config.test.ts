/** Settings from environment variables and flags, checked at start, documented in the README. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { readConfig, SETTINGS } from '../../src/server/config';

describe('configuration', () => {
  it('defaults to development on 127.0.0.1:4000 with the bundled seed', () => {
    expect(readConfig({}, [])).toMatchObject({
      mode: 'development',
      port: 4000,
      host: '127.0.0.1',
      seedDir: DEFAULT_SEED_DIR,
      graphiql: true,
      introspection: true,
      maxDepth: 12,
      maxBodyBytes: 100_000,
      corsOrigins: [],
    });
  });

  it('turns GraphiQL and introspection off in production, unless asked for', () => {
    expect(readConfig({ ORGGRAPH_MODE: 'production' }, [])).toMatchObject({
      mode: 'production',
      graphiql: false,
      introspection: false,
    });
    expect(readConfig({ INTROSPECTION: 'true' }, ['--mode', 'production'])).toMatchObject({
      mode: 'production',
      introspection: true,
    });
  });

  it('runs in production when NODE_ENV says so, unless ORGGRAPH_MODE says otherwise', () => {
    expect(readConfig({ NODE_ENV: 'production' }, [])).toMatchObject({
      mode: 'production',
      graphiql: false,
      introspection: false,
    });
    expect(readConfig({ NODE_ENV: 'production', ORGGRAPH_MODE: 'development' }, [])).toMatchObject({
      mode: 'development',
      graphiql: true,
      introspection: true,
    });
    expect(readConfig({ NODE_ENV: 'production' }, ['--mode', 'development']).mode).toBe(
      'development',
    );
    expect(readConfig({ NODE_ENV: 'test' }, []).mode).toBe('development');
  });

  it('prefers a flag to the environment', () => {
    const config = readConfig({ PORT: '5000', MAX_DEPTH: '8' }, ['--port', '6000']);
    expect(config.port).toBe(6000);
    expect(config.maxDepth).toBe(8);
  });

  it('reads lists and booleans', () => {
    const config = readConfig(
      { CORS_ORIGINS: 'https://a.example, https://b.example', APQ: 'off', WATCH_SEED: '1' },
      [],
    );
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.apq).toBe(false);
    expect(config.watchSeed).toBe(true);
  });

  it('names every bad value at once', () => {
    expect(() =>
      readConfig({ PORT: '70000', MAX_DEPTH: 'deep', LOG_LEVEL: 'loud', APQ: 'maybe' }, []),
    ).toThrow(/PORT \/ --port.*LOG_LEVEL \/ --log-level.*MAX_DEPTH \/ --max-depth.*APQ \/ --apq/);
  });

  it('refuses an unknown flag and inconsistent timeouts', () => {
    expect(() => readConfig({}, ['--prot', '1'])).toThrow(/Invalid configuration.*prot/);
    expect(() =>
      readConfig({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' }, []),
    ).toThrow(/HEADERS_TIMEOUT_MS/);
  });

  it('is documented, every setting, in the README table', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Running in production'));
    for (const setting of Object.values(SETTINGS))
      expect(section).toContain(`| \`${setting.env}\` / \`--${setting.flag}\``);
  });
});
