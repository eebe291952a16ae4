/**
 * `proportio rights add | list | show` in a child process against a running instance (issue 12
 * §1): the id and due date printed, the register listed, bad input a stable code and exit status
 * with nothing written, the front desk refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli-process.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const cli = async (args: string[]) => {
  const r = await runCliProcess(args);
  return { ...r, stdout: r.stdout.trim() };
};

describe('rights CLI', () => {
  let t: TestRuntime;
  let fg: string[];
  let balie: string[];
  let room: string;
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const tokenFor = async (user: string) => {
      const s = await loginAs(t.app, user);
      return t.app
        .inject({ method: 'POST', url: '/api/auth/tokens', headers: s.headers, payload: { name: 'cli' } })
        .then((r) => r.json<{ token: string }>().token);
    };
    fg = ['--url', t.url!, '--token', await tokenFor('fg')];
    balie = ['--url', t.url!, '--token', await tokenFor('balie')];
    room = (await t.rt.store.read.rooms.list())[0]!.id;
  }, 120_000);
  afterAll(async () => {
    for (const m of t.rt.modules) await m.stop();
    await t.close();
  });

  const received = new Date(Date.now() - 3_600_000).toISOString();
  const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() - 2 * 86_400_000 + 3_600_000).toISOString();
  const add = (extra: string[] = [], who = fg) =>
    cli([
      'rights',
      'add',
      '--kind',
      'access',
      '--channel',
      'post',
      '--received',
      received,
      '--room',
      room,
      '--from',
      from,
      '--to',
      to,
      '--contact',
      'Dorpsstraat 1',
      '--identity',
      'signature',
      ...extra,
      ...who,
    ]);

  it('add, list, show; bad input and the wrong role are refused with their codes', async () => {
    const added = await add();
    expect(added.code, added.stderr).toBe(0);
    const [id, , due] = added.stdout.split(' ');
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const list = await cli(['rights', 'list', '--open', ...fg]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(id);
    const shown = await cli(['rights', 'show', id!, '--json', ...fg]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ request: { id, kind: 'access', status: 'received' } });

    const count = async () =>
      (await t.rt.database.db.selectFrom('subject_requests').select('id').execute()).length;
    const before = await count();
    const note = await add(['--identity-note', 'BSN 123456789']);
    expect(note.code).toBe(65);
    expect(note.stderr).toContain('RIGHTS.INVALID');
    const kind = await cli(['rights', 'list', '--kind', 'deletion', ...fg]);
    expect(kind.code).toBe(65);
    const wrong = await add([], balie);
    expect(wrong.code).toBe(77);
    expect(wrong.stderr).toContain('AUTH.FORBIDDEN');
    expect(await count()).toBe(before);
  });
});
