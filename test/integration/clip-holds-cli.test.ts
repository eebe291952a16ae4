/**
 * `proportio clip hold | extend | release | holds | deletions` in a child process against a running
 * instance (issue 10 §3): the hold id printed, the clip held, bad input a stable code and exit
 * status with nothing changed, the wrong role refused.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

const cli = async (args: string[]) => {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
      cwd: root,
      env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout: r.stdout.trim(), stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout.trim(), stderr: x.stderr };
  }
};

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('clip hold CLI', () => {
  let t: TestRuntime;
  let security: string[];
  let balie: string[];
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const tokenFor = async (user: string) => {
      const s = await loginAs(t.app, user);
      return t.app
        .inject({ method: 'POST', url: '/api/auth/tokens', headers: s.headers, payload: { name: 'cli' } })
        .then((r) => r.json<{ token: string }>().token);
    };
    security = ['--url', t.url!, '--token', await tokenFor('beveiliging')];
    balie = ['--url', t.url!, '--token', await tokenFor('balie')];
    await sealTestClip(t, 'cli-clip', generateIdentity().recipient.text, Buffer.alloc(5000, 1));
  }, 120_000);
  afterAll(async () => {
    for (const m of t.rt.modules) await m.stop();
    await t.close();
  });

  it('hold, holds, extend, release; bad input and the wrong role are refused with their codes', async () => {
    const placed = await cli([
      'clip',
      'hold',
      'cli-clip',
      '--reason',
      'aangifte na bedreiging',
      '--police-report',
      'PL0900-2026-7',
      '--until',
      day(30),
      ...security,
    ]);
    expect(placed.code, placed.stderr).toBe(0);
    const holdId = placed.stdout;
    expect(holdId).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await cli(['clip', 'holds', 'cli-clip', '--json', ...security]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      held: true,
      holds: [{ id: holdId, state: 'live', policeReport: 'PL0900-2026-7' }],
    });
    expect((await cli(['clip', 'holds', 'cli-clip', ...security])).stdout).toContain('held until');

    const past = await cli([
      'clip',
      'hold',
      'cli-clip',
      '--reason',
      'te laat',
      '--until',
      day(-2),
      ...security,
    ]);
    expect(past.code).toBe(65);
    expect(past.stderr).toContain('HOLD.UNTIL_INVALID');
    const missing = await cli(['clip', 'hold', 'cli-clip', '--until', day(3), ...security]);
    expect(missing.code).toBe(64); // --reason is required
    const role = await cli(['clip', 'hold', 'cli-clip', '--reason', 'balie', '--until', day(3), ...balie]);
    expect(role.code).toBe(77);
    expect(role.stderr).toContain('AUTH.FORBIDDEN');
    expect(
      (await t.rt.store.read.audit.page({ limit: 20, subject: 'clip:cli-clip', action: 'clip.hold.placed' }))
        .length,
    ).toBe(1);

    const extended = await cli([
      'clip',
      'extend',
      holdId,
      '--until',
      day(40),
      '--reason',
      'onderzoek loopt',
      ...security,
    ]);
    expect(extended.code, extended.stderr).toBe(0);
    expect(extended.stdout).toContain(holdId);

    const released = await cli(['clip', 'release', holdId, '--reason', 'zaak geseponeerd', ...security]);
    expect(released.code, released.stderr).toBe(0);
    const twice = await cli(['clip', 'release', holdId, '--reason', 'nogmaals', ...security]);
    expect(twice.code).toBe(65);
    expect(twice.stderr).toContain('HOLD.ENDED');

    const deletions = await cli(['clip', 'deletions', '--clip', 'cli-clip', '--json', ...security]);
    expect(deletions.code, deletions.stderr).toBe(0);
    expect(JSON.parse(deletions.stdout)).toEqual([]);
  });
});
