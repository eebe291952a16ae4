/**
 * `proportio alarm raise` and `proportio incident list` against a running instance (the
 * commands are registered on a bare program here until src/cli/main.ts wires them in).
 */
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAlarmCommands } from '../../src/cli/commands/alarm.command.js';
import { CliError } from '../../src/cli/io.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { footprint } from './alarm-helpers.js';

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const program = new Command('proportio')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerAlarmCommands(program, io);
  const harden = (c: Command) => (
    c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    c.commands.forEach(harden)
  );
  program.commands.forEach(harden);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, stdout: out.join('\n'), stderr: err.join('\n') };
  } catch (e) {
    if (e instanceof CliError) return { code: e.exitCode, stdout: out.join('\n'), stderr: e.message };
    if (e instanceof CommanderError) return { code: 64, stdout: out.join('\n'), stderr: err.join('\n') };
    throw e;
  }
};

describe('alarm CLI', () => {
  let t: TestRuntime;
  let conn: string[];
  let readerConn: string[];
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true });
    const tokenFor = async (user: string) => {
      const s = await loginAs(t.app, user);
      return t.app
        .inject({ method: 'POST', url: '/api/auth/tokens', headers: s.headers, payload: { name: 'cli' } })
        .then((r) => r.json<{ token: string }>().token);
    };
    conn = ['--url', t.url!, '--token', await tokenFor('balie')];
    readerConn = ['--url', t.url!, '--token', await tokenFor('fg')];
  });
  afterAll(async () => {
    for (const m of t.rt.modules) await m.stop();
    await t.close();
  });

  it('alarm raise --room NAME prints the alarm id; --json the alarm; source is api', async () => {
    const r = await run(['alarm', 'raise', '--room', 'Spreekkamer 1', ...conn]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f-]{36}$/);
    const j = await run(['alarm', 'raise', '--room', 'Spreekkamer 1', '--json', ...conn]);
    expect(JSON.parse(j.stdout)).toMatchObject({
      joined: true,
      alarm: { id: r.stdout, source: 'api', pressCount: 2 },
    });
  });

  it('incident list --json lists the register, including the alarm just raised', async () => {
    const r = await run(['incident', 'list', '--json', ...readerConn]);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ source: string; narrative?: string }>;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]).toMatchObject({ source: 'alarm' });
    expect(rows.every((x) => x.narrative === undefined)).toBe(true);
    const text = await run(['incident', 'list', '--limit', '3', ...readerConn]);
    expect(text.stdout.split('\n')).toHaveLength(4);
  });

  it.each([
    [['alarm', 'raise', '--room', 'Nergens'], 66, 'ALARM.UNKNOWN_ROOM'],
    [['alarm', 'raise', '--room', 'x'.repeat(500)], 65, 'REQUEST.INVALID'],
    [['alarm', 'raise'], 64, ''],
    [['incident', 'list', '--from', 'gisteren'], 65, 'REQUEST.INVALID'],
    [['incident', 'list', '--site', "'; DROP TABLE incidents; --"], 65, 'REQUEST.INVALID'],
    [['incident', 'list', '--limit', '-5'], 65, 'REQUEST.INVALID'],
  ])('%j → exit %s %s, nothing written', async (args, code, text) => {
    const before = await footprint(t.rt);
    const r = await run([...args, ...conn]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text);
    expect(await footprint(t.rt)).toEqual(before);
  });

  it('a front-desk token cannot read the register (77)', async () => {
    const r = await run(['incident', 'list', ...conn]);
    expect(r.code).toBe(77);
    expect(r.stderr).toContain('AUTH.FORBIDDEN');
  });
});
