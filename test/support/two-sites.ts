/**
 * The site-scope fixture: the demo's two sites, users who serve only Wijkcentrum De Brink, and
 * things of Stadhuis Lindewaard they must never see (a running conversation, an alarm with its
 * incident, a camera with a clip). For the site-scope tests and the route × role × site sweep.
 */
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { Role } from '../../src/core/auth/roles.js';
import { loginAs, startTestRuntime, type TestRuntime } from './test-runtime.js';
import type { TestDialect } from './databases.js';

export const TEST_PASSWORD = 'a-long-test-password-1';
export const SYSTEM = { kind: 'system', name: 'test' } as const;
/** An id of the right form that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The demo's two sites by name. */
export const demoSites = async (t: TestRuntime) => {
  const sites = await t.rt.store.read.sites.list();
  const byName = (name: string) => {
    const s = sites.find((x) => x.name === name);
    if (s === undefined) throw new Error(`the demo has no site ${name}`);
    return s;
  };
  return { stadhuis: byName('Stadhuis Lindewaard'), brink: byName('Wijkcentrum De Brink') };
};

/** An account with these roles for these sites only, logged in: its request headers. */
export const loggedInUser = async (
  t: TestRuntime,
  username: string,
  roles: readonly Role[],
  siteIds: readonly string[],
): Promise<Record<string, string>> => {
  const u = await t.rt.services.users.create(SYSTEM, {
    username,
    displayName: username,
    roles: [...roles],
    siteIds: [...siteIds],
    password: TEST_PASSWORD,
  });
  if (!u.ok) throw new Error(u.error.message);
  return (await loginAs(t.app, username, TEST_PASSWORD)).headers;
};

export interface TwoSites {
  readonly t: TestRuntime;
  /** Request headers of `brink-<role>`, who has that one role and serves only De Brink. */
  readonly brinkOnly: ReadonlyMap<Role, Record<string, string>>;
  readonly brink: { readonly siteId: string; readonly roomId: string };
  readonly stadhuis: {
    readonly siteId: string;
    /** Has the alarm (with its incident), the camera and the clip. */
    readonly roomId: string;
    /** Has the running conversation. */
    readonly otherRoomId: string;
    readonly conversationId: string;
    readonly alarmId: string;
    readonly incidentId: string;
    readonly cameraId: string;
    readonly clipId: string;
  };
  /** The conversation type of the Stadhuis conversation. */
  readonly typeId: string;
}

/** A demo runtime (MQTT off) with the fixture; the caller closes `t`. */
export const startTwoSites = async (
  dialect: TestDialect,
  roles: readonly Role[],
  loginAttemptsPerMinute: number,
): Promise<TwoSites> => {
  const t = await startTestRuntime({
    dialect,
    demo: true,
    loginAttemptsPerMinute,
    env: { PROPORTIO_MQTT_PORT: '-1' },
  });
  const r = t.rt.store.read;
  const { stadhuis, brink } = await demoSites(t);
  const [room, otherRoom] = await r.rooms.list({ siteId: stadhuis.id });
  const [brinkRoom] = await r.rooms.list({ siteId: brink.id });
  const [type] = await r.conversationTypes.list();
  if (!room || !otherRoom || !brinkRoom || !type) throw new Error('the demo lacks rooms or types');
  const brinkOnly = new Map<Role, Record<string, string>>();
  for (const role of roles) brinkOnly.set(role, await loggedInUser(t, `brink-${role}`, [role], [brink.id]));

  const balie = (await loginAs(t.app, 'balie')).headers;
  const created = async <T>(url: string, payload: object): Promise<T> => {
    const res = await t.app.inject({ method: 'POST', url, headers: balie, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const conversation = await created<{ id: string }>('/api/conversations', {
    roomId: otherRoom.id,
    conversationTypeId: type.id,
  });
  const { alarm } = await created<{ alarm: { id: string; incidentId: string } }>('/api/alarms', {
    roomId: room.id,
  });
  const camera = await t.rt.services.registry.createCamera(SYSTEM, {
    roomId: room.id,
    name: 'Stadhuis test camera',
    url: 'rtsp://192.0.2.10/stream',
  });
  if (!camera.ok) throw new Error(camera.error.message);
  const clipId = 'clip-stadhuis-1';
  const recording = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
  await recording.service.clipOpened({
    id: clipId,
    cameraId: camera.value.id,
    roomId: room.id,
    siteId: stadhuis.id,
    alarmId: alarm.id,
    incidentId: alarm.incidentId,
    alarmIds: [alarm.id],
    incidentIds: [alarm.incidentId],
    conversationId: null,
    mode: 'incident',
    policySeq: null,
    policyCompiledAt: null,
    policyHash: null,
    assessmentIds: [],
    retentionHours: 24,
  });
  return {
    t,
    brinkOnly,
    brink: { siteId: brink.id, roomId: brinkRoom.id },
    stadhuis: {
      siteId: stadhuis.id,
      roomId: room.id,
      otherRoomId: otherRoom.id,
      conversationId: conversation.id,
      alarmId: alarm.id,
      incidentId: alarm.incidentId,
      cameraId: camera.value.id,
      clipId,
    },
    typeId: type.id,
  };
};
