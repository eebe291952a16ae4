/**
 * Who may record a resident's objection (docs/recording.md, Switches): the employee who started the
 * conversation running in that room, or security serving the room's site. Anyone else gets 403,
 * an unknown room 404, a room without a conversation 409. The recorder itself is not started here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingModule, startConversation } from '../support/recorder.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe("recording objection: only for one's own conversation, or security on that site", () => {
  let t: TestRuntime;
  let roomA: string;
  let roomB: string;
  let otherSiteId: string;
  let balie: Awaited<ReturnType<typeof loginAs>>;

  /** A copy of a demo account (same password) with another username, roles or sites. */
  const addUser = async (from: string, username: string, changes: { siteIds?: string[] }) => {
    await t.rt.store.transaction(async (repos) => {
      const u = (await repos.users.findByUsername(from))!;
      await repos.users.insert({
        ...u,
        id: `user-${username}`,
        username,
        email: `${username}@example.test`,
        ...changes,
      });
    });
    return loginAs(t.app, username);
  };
  const object = (headers: Record<string, string>, roomId: string) =>
    t.app.inject({ method: 'POST', url: '/api/recording/objections', headers, payload: { roomId } });

  beforeAll(async () => {
    t = await startTestRuntime({ dialect: 'sqlite', demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const sites = await t.rt.store.read.sites.list();
    const rooms = await t.rt.store.read.rooms.list();
    const siteA = sites[0]!.id;
    otherSiteId = sites.find((s) => s.id !== siteA)!.id;
    [roomA, roomB] = rooms.filter((r) => r.siteId === siteA).map((r) => r.id) as [string, string];
    const typeId = (await t.rt.store.read.conversationTypes.list())[0]!.id;
    balie = await loginAs(t.app, 'balie');
    await startConversation(t, balie.headers, roomA, typeId);
    // A colleague's conversation in room B.
    const colleague = await addUser('balie', 'balie2', {});
    await startConversation(t, colleague.headers, roomB, typeId);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('no policy compiled yet: every camera is off, and says so', async () => {
    const rec = recordingModule(t);
    // The demo camera starts disabled (its own note); enabled, the policy is what keeps it off.
    const demoCamera = (await t.rt.store.read.cameras.list())[0]!;
    expect((await rec.service.plan()).find((p) => p.camera.id === demoCamera.id)?.off?.kind).toBe(
      'camera-disabled',
    );
    await t.rt.store.transaction((repos) => repos.cameras.setDisabled(demoCamera.id, null));
    const plans = await rec.service.plan();
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(p.decision).toMatchObject({
        mode: { kind: 'off' },
        retentionHours: undefined,
        reason: 'no policy has been compiled yet',
      });
      expect(p.off).toEqual({
        kind: 'policy-off',
        message: 'no footage: recording is not permitted here now (no policy has been compiled yet)',
      });
    }
  });

  it('another front-desk employee cannot switch off a room where they have no conversation (403), nothing stored', async () => {
    const r = await object(balie.headers, roomB);
    expect(r.statusCode, r.body).toBe(403);
    expect(r.json<{ code: string }>().code).toBe('AUTH.FORBIDDEN');
    expect(await t.rt.store.read.audit.page({ limit: 5, action: 'recording.objection' })).toEqual([]);
  });

  it('an unknown room is 404; a room without a conversation is 409', async () => {
    expect((await object(balie.headers, 'no-such-room')).statusCode).toBe(404);
    const empty = (await t.rt.store.read.rooms.list()).find((r) => r.id !== roomA && r.id !== roomB)!.id;
    expect((await object(balie.headers, empty)).statusCode).toBe(409);
  });

  it('security serving another site only: 404 (the room is not there for them)', async () => {
    const elsewhere = await addUser('beveiliging', 'beveiliging-brink', { siteIds: [otherSiteId] });
    expect((await object(elsewhere.headers, roomB)).statusCode).toBe(404);
  });

  it('the employee of the conversation may (201); security for the site (all sites) may too', async () => {
    const own = await object(balie.headers, roomA);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<{ created: boolean }>().created).toBe(true);
    const security = await loginAs(t.app, 'beveiliging');
    const other = await object(security.headers, roomB);
    expect(other.statusCode, other.body).toBe(201);
  });
});
