/**
 * Retention of clips that never sealed: a row left 'recording' (a crash, a hung seal) whose
 * retention has passed and that is older than the longest clip is swept like any other — every
 * sealed part deleted from the vault, the row kept as a tombstone, audited. A clip that may still
 * be recording (younger than the longest clip) is never touched.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClipStore, openClipWriter } from '../../src/adapters/vault/clip-store.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { recordingModule, writeVaultRecipient } from '../support/recorder.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

describe.each(dialects)('retention of clips that never sealed (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let clipsDir: string;
  let where: { cameraId: string; roomId: string; siteId: string };

  const open = async (id: string, parts: number) => {
    await rec.service.clipOpened({
      id,
      ...where,
      alarmId: `alarm-${id}`,
      incidentId: null,
      alarmIds: [`alarm-${id}`],
      incidentIds: [],
      conversationId: null,
      mode: 'incident',
      policySeq: null,
      policyCompiledAt: null,
      policyHash: null,
      assessmentIds: ['a-1'],
      retentionHours: 1,
    });
    const store = await openClipStore(clipsDir);
    if (!store.ok) throw new Error(store.error.message);
    const w = await openClipWriter(store.value, id, generateIdentity().recipient);
    if (!w.ok) throw new Error(w.error.message);
    // Parts sealed, the clip never closed: as a crash or a hung seal leaves it.
    for (let i = 0; i < parts; i++) {
      const p = await w.value.writePart(Buffer.alloc(1000, i));
      if (!p.ok) throw new Error(p.error.message);
    }
  };
  const age = async (id: string, createdHoursAgo: number, retentionHoursAgo: number) => {
    const h = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    await sql`UPDATE clips SET created_at = ${h(createdHoursAgo)}, retention_until = ${h(retentionHoursAgo)} WHERE id = ${id}`.execute(
      t.rt.database.db,
    );
  };

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    rec = recordingModule(t);
    const camera = (await t.rt.store.read.cameras.list())[0]!;
    const room = (await t.rt.store.read.rooms.get(camera.roomId))!;
    where = { cameraId: camera.id, roomId: room.id, siteId: room.siteId };
    await writeVaultRecipient(t);
    clipsDir = path.join(t.dataDir, 'vault', 'clips');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a clip stuck in "recording" past its retention and older than the longest clip: parts deleted, tombstone, audited', async () => {
    await open('stuck', 2);
    await open('young', 1);
    await open('kept', 1);
    await age('stuck', 3, 2); // opened 3 h ago, retention ended 2 h ago: cannot still be recording
    await age('young', 0, 1); // retention passed, but opened just now: may still be recording
    await age('kept', 3, -1); // retention not yet passed
    expect((await readdir(path.join(clipsDir, 'stuck'))).filter((f) => f.endsWith('.age'))).toHaveLength(2);

    const r = await rec.sweepRetention();
    expect(r).toEqual({ deleted: ['stuck'], failed: [] });
    await expect(stat(path.join(clipsDir, 'stuck'))).rejects.toThrow();
    expect(await rec.service.getClip('stuck')).toMatchObject({
      status: 'deleted',
      deletedReason: 'retention',
      endReason: 'never-sealed',
    });
    const audit = await t.rt.store.read.audit.page({ limit: 5, action: 'clip.deleted' });
    expect(audit[0]).toMatchObject({
      subject: 'clip:stuck',
      details: expect.objectContaining({ reason: 'retention', neverSealed: true }),
    });
    for (const id of ['young', 'kept']) {
      expect((await rec.service.getClip(id))?.status).toBe('recording');
      expect((await readdir(path.join(clipsDir, id))).length).toBeGreaterThan(0);
    }
    expect((await rec.sweepRetention()).deleted).toEqual([]);
  });

  it('a seal that finishes after the sweep does not bring the deleted clip back', async () => {
    await rec.service.clipFinished(
      'stuck',
      { ok: true, value: { manifestDigest: 'x'.repeat(64) }, sealedBytes: 2000, parts: 2 },
      null,
    );
    expect(await rec.service.getClip('stuck')).toMatchObject({
      status: 'deleted',
      deletedReason: 'retention',
    });
  });
});
