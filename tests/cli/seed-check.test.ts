import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { editFile, runCli, seedCopy } from '../kit';

const seedCheck = (...args: string[]) => runCli('seed-check', ...args);

describe('npm run seed:check', () => {
  it('passes on seed/ with a one-line summary', async () => {
    const { code, stdout } = await seedCheck();
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(
      /ok: 20 units, \d+ posts, \d+ topics, 9 events, 1 document, \d+ citations \(dataset nato-international-staff, as of 2011-11-02, citations required,/,
    );
  });

  it('fails on a broken copy with a located message', async () => {
    const dir = await seedCopy();
    await editFile(dir, 'events.yaml', (text) =>
      text.replace("date: '2010-08'", "date: '2010-13'"),
    );
    const { code, stderr } = await seedCheck(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /events\.yaml:\d+:\d+: events\[\d+\]\.date: "2010-13" has an impossible month 13/,
    );
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a head no citation supports where citations are required', async () => {
    const dir = await seedCopy();
    await editFile(dir, 'units.yaml', (text) =>
      text.replace(
        /(- key: private-office\n(?:.*\n)*?)  parent:/,
        '$1  head: director-private-office\n  parent:',
      ),
    );
    const { code, stderr } = await seedCheck(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /units\.yaml:\d+:\d+: units\[\d+\]\.head: head "director-private-office" is a member post, not a head post, and no citation says it heads this unit/,
    );
    await rm(dir, { recursive: true, force: true });
  });
});
