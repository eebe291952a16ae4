/**
 * `proportio complaints add | list | show` in a child process against a running instance (issue
 * 12 §3): the id and due date printed, the register listed, bad input a stable code and exit
 * status with nothing written, the front desk refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli-process.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const cli = async (args: string[]) => {
  const r = await runCliProcess(args);
  return { ...r, stdout: r.stdout.trim() };
};

describe('complaints CLI', () => {
  let t: TestRuntime;
  let fg: string[];
  let auditor: string[];
  let balie: string[];
  let room: string;
  let site: string;
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const tokenFor = async (user: string) => {
      const s = await loginAs(t.app, user);
      return t.app
        .inject({ method: 'POST', url: '/api/auth/tokens', headers: s.headers, payload: { name: 'cli' } })
        .then((r) => r.json<{ token: string }>().token);
    };
    fg = ['--url', t.url!, '--token', await tokenFor('fg')];
    auditor = ['--url', t.url!, '--token', await tokenFor('auditor')];
    balie = ['--url', t.url!, '--token', await tokenFor('balie')];
    const r = (await t.rt.store.read.rooms.list())[0]!;
    room = r.id;
    site = r.siteId;
  }, 120_000);
  afterAll(async () => {
    for (const m of t.rt.modules) await m.stop();
    await t.close();
  });

  const received = new Date(Date.now() - 3_600_000).toISOString();
  const add = (extra: string[] = [], who = fg) =>
    cli([
      'complaints',
      'add',
      '--kind',
      'complaint',
      '--source',
      'works-council',
      '--from-name',
      'Ondernemingsraad',
      '--received',
      received,
      '--subject',
      'Camera’s zonder instemming OR',
      '--site',
      site,
      '--room',
      room,
      ...extra,
      ...who,
    ]);

  it('add, list, show; bad input and the wrong role are refused with their codes', async () => {
    const added = await add();
    expect(added.code, added.stderr).toBe(0);
    const [id, , due] = added.stdout.split(' ');
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const list = await cli(['complaints', 'list', '--open', '--source', 'works-council', ...auditor]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(id);
    const shown = await cli(['complaints', 'show', id!, '--json', ...fg]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      complaint: { id, kind: 'complaint', status: 'received' },
      links: [{ kind: 'room', targetId: room }],
    });
    const text = await cli(['complaints', 'show', id!, ...fg]);
    expect(text.stdout).toContain('received');

    const count = async () => (await t.rt.database.db.selectFrom('complaints').select('id').execute()).length;
    const before = await count();
    const inquiry = await cli([
      'complaints',
      'add',
      '--kind',
      'regulator-inquiry',
      '--source',
      'regulator',
      '--from-name',
      'Autoriteit Persoonsgegevens',
      '--received',
      received,
      '--subject',
      'Vragen',
      ...fg,
    ]);
    expect(inquiry.code).toBe(65);
    expect(inquiry.stderr).toContain('COMPLAINT.INVALID');
    const source = await cli(['complaints', 'list', '--source', 'mayor', ...fg]);
    expect(source.code).toBe(65);
    const badId = await cli(['complaints', 'show', "x' or 1=1", ...fg]);
    expect(badId.code).toBe(65);
    const wrong = await add([], balie);
    expect(wrong.code).toBe(77);
    expect(wrong.stderr).toContain('AUTH.FORBIDDEN');
    expect(await count()).toBe(before);
  });
});
