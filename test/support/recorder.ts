/**
 * Setting up the recorder in a test runtime, the same way in every recorder suite: the recording
 * module, a vault key, the demo camera aimed at a test camera, quick tunables, a stored policy
 * version (and its event), a conversation, a synthetic alarm on the events port and the footage
 * notes of an incident.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { CompiledPolicy } from '../../src/core/policy/policy.js';
import { DEFAULT_TUNABLES, type RecorderTunables } from '../../src/workers/recorder-supervisor.js';
import { alarmEvent } from './domain-events.js';
import type { TestRuntime } from './test-runtime.js';

type Headers = Record<string, string>;

export const recordingModule = (t: TestRuntime): RecordingModule =>
  t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;

/** A fresh vault key (recipient only; the identity is thrown away): the recorder may arm. */
export const writeVaultRecipient = async (t: TestRuntime): Promise<void> => {
  await mkdir(path.join(t.dataDir, 'vault'), { recursive: true });
  await writeFile(path.join(t.dataDir, 'vault', 'recipient.txt'), `${generateIdentity().recipient.text}\n`);
};

/**
 * Quick failure detection and no timer-driven reconcile or retention (the tests call them), set
 * before start(). `tunables` overrides a few of the defaults.
 */
export const tuneForTests = (rec: RecordingModule, tunables: Partial<RecorderTunables> = {}): void =>
  rec.tune({
    tunables: { ...DEFAULT_TUNABLES, stallSeconds: 4, startupSeconds: 8, ...tunables },
    reconcileMs: 3_600_000,
    retentionMs: 3_600_000,
  });

/** Where the demo data's first camera is, and the first kind of conversation. */
export interface DemoCamera {
  readonly cameraId: string;
  readonly roomId: string;
  readonly siteId: string;
  readonly typeId: string;
}

/**
 * The demo camera aimed at a test RTSP camera on this port (its credentials are the demo's). It
 * starts disabled (no test camera runs for a new user): `enable` arms it where the policy allows.
 */
export const useDemoCamera = async (
  t: TestRuntime,
  o: { readonly port?: number; readonly enable: boolean },
): Promise<DemoCamera> => {
  const camera = (await t.rt.store.read.cameras.list())[0]!;
  const room = (await t.rt.store.read.rooms.get(camera.roomId))!;
  const typeId = (await t.rt.store.read.conversationTypes.list())[0]!.id;
  await t.rt.store.transaction(async (repos) => {
    if (o.port !== undefined) {
      const c = (await repos.cameras.getWithSecret(camera.id))!;
      await repos.cameras.update({ ...c, url: `rtsp://127.0.0.1:${o.port}/stream` });
    }
    if (o.enable) await repos.cameras.setDisabled(camera.id, null);
  });
  return { cameraId: camera.id, roomId: room.id, siteId: room.siteId, typeId };
};

/** A compiled policy stored as version `seq` (the newest), as an approval stores it. */
export const storePolicyVersion = async (
  t: TestRuntime,
  compiled: CompiledPolicy,
  seq: number,
): Promise<void> => {
  await sql`INSERT INTO policy_versions (seq, compiled_at, trigger, cause, compiled, hash) VALUES (${seq}, ${compiled.compiledAt}, ${'approval'}, ${'a-black-box'}, ${JSON.stringify(compiled)}, ${`hash-${seq}`})`.execute(
    t.rt.database.db,
  );
};

/** Tells the recorder, as an approval does, that policy version `seq` was stored. */
export const policyChanged = (rec: RecordingModule, compiled: CompiledPolicy, seq: number): void =>
  rec.events.emit({
    type: 'policy.changed',
    at: new Date().toISOString(),
    seq,
    compiledAt: compiled.compiledAt,
    trigger: 'approval',
  });

/** Starts a conversation over the API; its id. */
export const startConversation = async (
  t: TestRuntime,
  headers: Headers,
  roomId: string,
  conversationTypeId: string,
): Promise<string> => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/conversations',
    headers,
    payload: { roomId, conversationTypeId },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<{ id: string }>().id;
};

/**
 * An alarm raised on the events port only (no alarm or incident in the register): the recorder acts on
 * it as on a real one. Its incident id is `incident-<name>`.
 */
export const syntheticAlarm = (
  rec: RecordingModule,
  name: string,
  where: { readonly siteId: string; readonly roomId: string; readonly conversationId?: string | null },
): string => {
  rec.events.emit(
    alarmEvent('alarm.raised', {
      alarmId: `alarm-${name}`,
      incidentId: `incident-${name}`,
      siteId: where.siteId,
      roomId: where.roomId,
      conversationId: where.conversationId ?? null,
      at: new Date().toISOString(),
    }),
  );
  return `incident-${name}`;
};

/**
 * What an incident was told about its footage, once the recorder's writes settled. A synthetic
 * alarm's incident is not in the register (the API answers 404 for it): read through the service.
 */
export const footageOf = async (
  t: TestRuntime,
  rec: RecordingModule,
  incidentId: string,
  headers: Headers,
) => {
  await rec.supervisor.settled();
  if (incidentId.startsWith('incident-')) return rec.service.footage({ incidentId });
  const r = await t.app.inject({
    method: 'GET',
    url: `/api/recording/incidents/${incidentId}/footage`,
    headers,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{
    notes: { kind: string; message: string; clipId: string | null; cameraId: string | null }[];
    clips: { id: string; status: string }[];
  }>();
};
