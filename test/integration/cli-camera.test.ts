/**
 * `proportio camera …` against a running instance: a user name without its password is refused
 * with the usage exit code before anything is stored (issue 8 §5.7), and cameras can be disabled,
 * enabled and removed by name (§5.6). Each test registers the cameras it works on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const inProc = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

describe('proportio camera (API commands)', () => {
  let t: TestRuntime;
  let conn: string[];
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const beheer = (await t.rt.store.read.users.findByUsername('beheer'))!;
    const tok = await t.rt.services.auth.createApiToken({ kind: 'system', name: 'test' }, beheer.id, 'cli');
    if (!tok.ok) throw new Error('token');
    conn = ['--url', t.url!, '--token', tok.value.token];
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    delete process.env.PROPORTIO_CAMERA_PASSWORD;
  });

  const add = (name: string, extra: string[] = []) =>
    inProc([
      'camera',
      'add',
      '--room',
      'Spreekkamer 1',
      '--name',
      name,
      '--stream-url',
      'rtsp://10.0.0.5:554/stream1',
      ...extra,
      '--json',
      ...conn,
    ]);

  it('--username without PROPORTIO_CAMERA_PASSWORD: exit 64, a clear message, nothing registered', async () => {
    delete process.env.PROPORTIO_CAMERA_PASSWORD;
    const before = (await t.rt.store.read.cameras.list()).length;
    const r = await add('Camera deur', ['--username', 'viewer']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('PROPORTIO_CAMERA_PASSWORD');
    expect(r.stdout).toBe('');
    expect((await t.rt.store.read.cameras.list()).length).toBe(before);

    process.env.PROPORTIO_CAMERA_PASSWORD = 'camera-secret';
    const ok = await add('Camera deur', ['--username', 'viewer']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ name: 'Camera deur', hasCredentials: true });
  });

  it('a room that does not exist: exit 66 ALARM.UNKNOWN_ROOM (as alarm raise and policy show), nothing registered', async () => {
    const before = (await t.rt.store.read.cameras.list()).length;
    const r = await inProc([
      'camera',
      'add',
      '--room',
      'Bezemkast',
      '--name',
      'Camera gang',
      '--stream-url',
      'rtsp://10.0.0.5:554/stream1',
      ...conn,
    ]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('ALARM.UNKNOWN_ROOM: no room "Bezemkast"');
    expect((await t.rt.store.read.cameras.list()).length).toBe(before);
  });

  it('disable, enable and remove a camera by name; removed cameras are no longer listed', async () => {
    // A camera of its own: this test does not depend on the one the test above registers.
    const added = await add('Camera raam');
    expect(added.code, added.stderr).toBe(0);
    const off = await inProc(['camera', 'disable', 'Camera raam', '--json', ...conn]);
    expect(off.code, off.stderr).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ name: 'Camera raam', disabled: true });
    const list = await inProc(['camera', 'list', ...conn]);
    expect(list.stdout).toMatch(/Camera raam.*true\s*$/m);
    const on = await inProc(['camera', 'enable', 'Camera raam', ...conn]);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toContain('Enabled camera Camera raam');
    const rm = await inProc(['camera', 'remove', 'Camera raam', ...conn]);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.stdout).toContain('its clips are kept');
    const after = await inProc(['camera', 'list', '--json', ...conn]);
    expect(JSON.parse(after.stdout)).not.toContainEqual(expect.objectContaining({ name: 'Camera raam' }));
    const gone = await inProc(['camera', 'enable', 'Camera raam', ...conn]);
    expect(gone.code).toBe(66);
  });
});
