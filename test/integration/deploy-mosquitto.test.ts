/**
 * The Mosquitto set-up that compose.yaml ships (deploy/mosquitto.conf, deploy/mosquitto.acl),
 * run by the machine's own `mosquitto` binary instead of a container, with the password file made
 * by `mosquitto_passwd` exactly as docs/deployment.md says. Proportio connects as the `proportio`
 * account (on PostgreSQL: the shared subscription `$share/proportio/…`), buttons and a building
 * system connect with their device ids, and the ACL decides who reads and writes what:
 *
 * - a button's press reaches Proportio, its result reaches the button, the alarm notice reaches
 *   the subscriber account that the documented ACL block names;
 * - a button cannot press for another button (not even with that button's token), nor read alarm
 *   notices, presses or another button's result;
 * - an account without a password is refused.
 *
 * Only the listener's port and the file paths differ from the shipped files (a temp folder instead
 * of the container's /mosquitto).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import {
  freePort,
  mosquittoBinary,
  mosquittoPub,
  mosquittoSub,
  portAnswers,
  type MosquittoSub,
} from '../support/mosquitto.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';
import { alarmModule, demoRegistry, type Demo } from './alarm-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const tools = toolsAvailable(
  'deploy/ Mosquitto',
  'mosquitto',
  'mosquitto_passwd',
  'mosquitto_pub',
  'mosquitto_sub',
);
const dialect = (await availableDialects()).includes('postgres') ? 'postgres' : 'sqlite';

/** `mosquitto_passwd -b FILE USER PASSWORD` (with -c for the first account), as docs/deployment.md says. */
const passwd = (file: string, user: string, password: string, create = false) => {
  const r = spawnSync('mosquitto_passwd', [...(create ? ['-c'] : []), '-b', file, user, password], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
};

/** The uid and gid of the system user `mosquitto`: a broker started as root reads its files as that user. */
const mosquittoUser = (): { uid: number; gid: number } | undefined => {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('mosquitto:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
};

interface Device {
  device: { id: string };
  token: string;
  mqtt: { pressTopic: string; resultTopic: string };
}

describe.runIf(tools)(`deploy/mosquitto.conf and deploy/mosquitto.acl with Proportio (${dialect})`, () => {
  let dir: string;
  let port: number;
  let broker: ChildProcess | undefined;
  let passwordFile: string;
  let aclFile: string;
  let t: TestRuntime;
  let demo: Demo;
  let beheer: Record<string, string>;
  const subs: MosquittoSub[] = [];
  const brokerLog: string[] = [];
  const proportioPassword = `mqtt-${Math.random().toString(16).slice(2)}`;

  const register = async (name: string, kind: 'button' | 'subscriber', roomId?: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: beheer,
      payload: { name, kind, ...(roomId ? { roomId } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Device>();
  };
  const as = (d: Device) => ({ username: d.device.id, password: d.token });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-deploy-mosquitto-'));
    for (const sub of ['config', 'passwd', 'data']) fs.mkdirSync(path.join(dir, sub));
    port = await freePort();
    passwordFile = path.join(dir, 'passwd', 'passwd');
    aclFile = path.join(dir, 'config', 'acl');
    fs.copyFileSync(path.join(root, 'deploy/mosquitto.acl'), aclFile);
    const shipped = fs.readFileSync(path.join(root, 'deploy/mosquitto.conf'), 'utf8');
    const conf = shipped
      .replace(/^listener 1883$/m, `listener ${port} 127.0.0.1`)
      .replaceAll('/mosquitto/passwd/passwd', passwordFile)
      .replaceAll('/mosquitto/config/acl', aclFile)
      .replaceAll('/mosquitto/data/', `${path.join(dir, 'data')}/`);
    // The replacements must all have hit: the test runs the shipped file, not a file of its own.
    expect(conf).not.toContain('/mosquitto/');
    expect(conf).toContain(`listener ${port} 127.0.0.1`);
    fs.writeFileSync(path.join(dir, 'config', 'mosquitto.conf'), conf);
    // Step 1 of docs/deployment.md: Proportio's own account.
    passwd(passwordFile, 'proportio', proportioPassword, true);
    // Started as root, Mosquitto drops to its own user before it reads the password and ACL files
    // (the container's entry point hands /mosquitto to that user in the same way).
    const owner = process.getuid?.() === 0 ? mosquittoUser() : undefined;
    if (owner)
      for (const p of [
        '',
        'config',
        'passwd',
        'data',
        'config/acl',
        'config/mosquitto.conf',
        'passwd/passwd',
      ])
        fs.chownSync(path.join(dir, p), owner.uid, owner.gid);
    broker = spawn(mosquittoBinary()!, ['-c', path.join(dir, 'config', 'mosquitto.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    broker.stderr!.on('data', (d: Buffer) => brokerLog.push(d.toString()));
    await waitFor('the private Mosquitto to listen', () => portAnswers(port, '127.0.0.1', 200));

    t = await startTestRuntime({
      dialect,
      demo: true,
      listen: true,
      env: {
        // As compose.yaml sets them for the proportio service.
        PROPORTIO_MQTT_URL: `mqtt://127.0.0.1:${port}`,
        PROPORTIO_MQTT_USERNAME: 'proportio',
        PROPORTIO_MQTT_PASSWORD: proportioPassword,
        PROPORTIO_MQTT_PORT: '-1',
      },
    });
    await t.rt.start();
    beheer = (await loginAs(t.app, 'beheer')).headers;
    demo = await demoRegistry(t.app, beheer);
    await waitFor(
      `Proportio connected to Mosquitto as proportio (broker log: ${brokerLog.join('')})`,
      () => alarmModule(t.rt).health().length === 0,
    );
  });

  afterAll(async () => {
    for (const s of subs) s.stop();
    if (t) {
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
    const b = broker;
    if (b && b.exitCode === null) {
      await new Promise<void>((r) => {
        b.once('exit', () => r());
        b.kill('SIGTERM');
      });
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a button presses, gets its result and the building system hears the alarm; nobody reads what is not theirs', async () => {
    const [room1, room2] = [demo.rooms[0]!, demo.rooms[1]!];
    const a = await register('Knop A', 'button', room1.id);
    const b = await register('Knop B', 'button', room2.id);
    const building = await register('Gebouwbeheer', 'subscriber');

    // Step 2 of docs/deployment.md: each device's account, the subscriber's ACL block, SIGHUP.
    passwd(passwordFile, a.device.id, a.token);
    passwd(passwordFile, b.device.id, b.token);
    passwd(passwordFile, building.device.id, building.token);
    fs.appendFileSync(aclFile, `\nuser ${building.device.id}\ntopic read proportio/alarms/#\n`);
    broker!.kill('SIGHUP');
    await waitFor('the new accounts to be read', async () => {
      const r = await mosquittoPub(port, 'proportio/ping', ['x'], as(building));
      return r.code === 0;
    });

    const anonymous = await mosquittoPub(port, a.mqtt.pressTopic, ['{}']);
    expect(anonymous.code).not.toBe(0);

    const notices = mosquittoSub(port, 'proportio/alarms/#', as(building));
    // Button A asks for everything under the prefix: the ACL lets through only its own result.
    const everything = mosquittoSub(port, 'proportio/#', as(a));
    const resultB = mosquittoSub(port, b.mqtt.resultTopic, as(b));
    subs.push(notices, everything, resultB);
    for (const s of [notices, everything, resultB]) await s.ready;

    // A's own press, with its token in the payload (required over an external broker). Proportio's
    // shared subscription may still be settling: press until the result comes (a repeat joins).
    await waitFor('the result of button A', async () => {
      await mosquittoPub(port, a.mqtt.pressTopic, [JSON.stringify({ token: a.token })], as(a));
      await new Promise((r) => setTimeout(r, 200));
      return everything.lines.some((m) => m.topic === a.mqtt.resultTopic);
    });
    const resultA = JSON.parse(everything.lines.find((m) => m.topic === a.mqtt.resultTopic)!.payload) as {
      ok: boolean;
      alarmId: string;
    };
    expect(resultA.ok).toBe(true);
    const noticeA = await notices.waitFor((m) => m.topic === `proportio/alarms/${room1.siteId}/${room1.id}`);
    expect(JSON.parse(noticeA.payload)).toMatchObject({ event: 'raised', alarmId: resultA.alarmId });

    // A publishes on B's press topic, even with B's token: the broker drops it (mosquitto_pub still
    // gets its PUBACK, as MQTT 3.1.1 wants). Then B presses for itself.
    const counters = alarmModule(t.rt).mqttCounters()!;
    const received = counters.received;
    await mosquittoPub(port, b.mqtt.pressTopic, [JSON.stringify({ token: b.token })], as(a));
    await mosquittoPub(port, b.mqtt.pressTopic, [JSON.stringify({ token: b.token })], as(b));
    const res = JSON.parse((await resultB.waitFor(() => true, 'the result of button B')).payload) as {
      ok: boolean;
      alarmId: string;
      joined: boolean;
    };
    expect(res).toMatchObject({ ok: true, joined: false });
    // Mosquitto handles messages one after the other: had A's publish passed, it would have come first.
    expect(counters.received - received).toBe(1);
    const bhv = (await loginAs(t.app, 'bhv')).headers;
    const alarmB = (
      await t.app.inject({ method: 'GET', url: `/api/alarms/${res.alarmId}`, headers: bhv })
    ).json<{ pressCount: number; deviceId: string }>();
    expect(alarmB).toMatchObject({ pressCount: 1, deviceId: b.device.id });
    await notices.waitFor((m) => m.topic === `proportio/alarms/${room2.siteId}/${room2.id}`);

    // A marker on A's own result topic, sent after everything above: once A has it, anything the
    // ACL had let through to A (B's alarm, B's result, the presses) would already be there.
    const marker = await mosquittoPub(port, a.mqtt.resultTopic, ['{"marker":true}'], {
      username: 'proportio',
      password: proportioPassword,
    });
    expect(marker.code, marker.stderr).toBe(0);
    await everything.waitFor((m) => m.payload === '{"marker":true}', 'the marker');
    expect(new Set(everything.lines.map((m) => m.topic))).toEqual(new Set([a.mqtt.resultTopic]));
    // The building system hears alarms only; Proportio published each once.
    expect(notices.lines.every((m) => m.topic.startsWith('proportio/alarms/'))).toBe(true);
  });
});
