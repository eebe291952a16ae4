/**
 * The recorder's plan on both dialects, read with one query for all objections and one for all
 * camera credentials (the list methods of the objection and camera repositories): armed cameras get
 * their credentials in the URL, a camera whose conversation has an objection is off and gets none,
 * a removed camera is not planned at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingStore } from '../../src/adapters/db/repositories/recording-store.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { RecordingStore } from '../../src/services/recording-ports.js';
import { availableDialects } from '../support/databases.js';
import { recordingModule, startConversation, storePolicyVersion } from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

describe.each(dialects)('recording plan, one query per kind of lookup (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let recStore: RecordingStore;
  let demoCameraId: string;
  let plainCameraId: string;
  let objectedCameraId: string;
  let removedCameraId: string;
  let armedConversation: string;
  let objectedConversation: string;

  /** A copy of a demo account (same password) under another username. */
  const addUser = async (from: string, username: string) => {
    await t.rt.store.transaction(async (repos) => {
      const u = (await repos.users.findByUsername(from))!;
      await repos.users.insert({ ...u, id: `user-${username}`, username, email: `${username}@example.test` });
    });
    return loginAs(t.app, username);
  };
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    rec = recordingModule(t);
    recStore = createRecordingStore(t.rt.database);
    const demoCamera = (await t.rt.store.read.cameras.list())[0]!;
    demoCameraId = demoCamera.id;
    const roomX = demoCamera.roomId;
    const siteId = (await t.rt.store.read.rooms.get(roomX))!.siteId;
    const roomY = (await t.rt.store.read.rooms.list()).find((r) => r.siteId === siteId && r.id !== roomX)!.id;
    const typeId = (await t.rt.store.read.conversationTypes.list())[0]!.id;
    const camera = (id: string, roomId: string, name: string) => ({
      id,
      roomId,
      name,
      url: `rtsp://127.0.0.1:8554/${name}`,
      hasCredentials: false,
      credentialsSealed: null,
      disabled: false,
      disabledAt: null,
      createdAt: '2024-06-01T00:00:00.000Z',
    });
    plainCameraId = 'cam-plain';
    objectedCameraId = 'cam-objected';
    removedCameraId = 'cam-removed';
    await t.rt.store.transaction(async (repos) => {
      await repos.cameras.setDisabled(demoCameraId, null);
      await repos.cameras.insert(camera(plainCameraId, roomX, 'plain'));
      await repos.cameras.insert(camera(objectedCameraId, roomY, 'objected'));
      await repos.cameras.insert(camera(removedCameraId, roomX, 'removed'));
      await repos.cameras.remove(removedCameraId, '2024-06-02T00:00:00.000Z');
    });
    // A policy that records in both rooms.
    const compiled = testPolicy([roomX, roomY], typeId);
    await storePolicyVersion(t, compiled, 1);
    const balie = await loginAs(t.app, 'balie');
    const colleague = await addUser('balie', 'balie2');
    armedConversation = await startConversation(t, balie.headers, roomX, typeId);
    objectedConversation = await startConversation(t, colleague.headers, roomY, typeId);
    const objected = await t.app.inject({
      method: 'POST',
      url: '/api/recording/objections',
      headers: colleague.headers,
      payload: { roomId: roomY },
    });
    expect(objected.statusCode, objected.body).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('objections.forConversations: the objections of the listed conversations only; none for an empty list', async () => {
    expect(await recStore.read.objections.forConversations([])).toEqual([]);
    const found = await recStore.read.objections.forConversations([armedConversation, objectedConversation]);
    expect(found.map((o) => o.conversationId)).toEqual([objectedConversation]);
    expect(found[0]).toEqual(await recStore.read.objections.forConversation(objectedConversation));
  });

  it('cameras.getManyWithSecret: the listed cameras that are not removed, with their sealed credentials', async () => {
    expect(await recStore.read.cameras.getManyWithSecret([])).toEqual([]);
    const found = await recStore.read.cameras.getManyWithSecret([
      demoCameraId,
      plainCameraId,
      removedCameraId,
    ]);
    expect(found.map((c) => c.id).sort()).toEqual([demoCameraId, plainCameraId].sort());
    for (const c of found) expect(c).toEqual(await recStore.read.cameras.getWithSecret(c.id));
    expect(found.find((c) => c.id === demoCameraId)?.credentialsSealed).toEqual(expect.any(String));
  });

  it('plan: armed cameras carry their credentials, the objected one is off without them, the removed one is absent', async () => {
    const plans = await rec.service.plan();
    const byCamera = new Map(plans.map((p) => [p.camera.id, p]));
    expect(byCamera.has(removedCameraId)).toBe(false);

    const demo = byCamera.get(demoCameraId)!;
    expect(demo.off).toBeNull();
    expect(demo.conversationId).toBe(armedConversation);
    expect(new URL(demo.sourceUrl)).toMatchObject({ username: 'camera', password: 'demo-camera-secret' });

    const plain = byCamera.get(plainCameraId)!;
    expect(plain.off).toBeNull();
    expect(plain.sourceUrl).toBe('rtsp://127.0.0.1:8554/plain');

    const objected = byCamera.get(objectedCameraId)!;
    expect(objected.conversationId).toBe(objectedConversation);
    expect(objected.off).toEqual({
      kind: 'objection',
      message: 'no footage: recording switched off for this conversation after an objection',
    });
    expect(objected.sourceUrl).toBe('rtsp://127.0.0.1:8554/objected');
  });
});
