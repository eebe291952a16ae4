/**
 * A clip sealed to a vault recipient and recorded in the database as the recorder would (opened,
 * then finished with its manifest digest), for the tests of `clip decrypt` and key custody.
 */
import path from 'node:path';
import { openClipStore, openClipWriter } from '../../src/adapters/vault/clip-store.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { TestRuntime } from './test-runtime.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Seals `content` in two parts as clip `clipId` and records it as sealed for the first camera. */
export const sealTestClip = async (
  t: TestRuntime,
  clipId: string,
  recipient: string,
  content: Buffer,
  /** The vault's clips folder (default: <dataDir>/vault/clips). */
  clipsDir: string = path.join(t.dataDir, 'vault', 'clips'),
): Promise<{ manifestDigest: string }> => {
  const rec = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
  const camera = (await t.rt.store.read.cameras.list())[0]!;
  const room = (await t.rt.store.read.rooms.get(camera.roomId))!;
  const store = must(await openClipStore(clipsDir));
  const w = must(await openClipWriter(store, clipId, recipient));
  const half = Math.floor(content.length / 2);
  must(await w.writePart(content.subarray(0, half)));
  must(await w.writePart(content.subarray(half)));
  const sealed = must(await w.close());
  await rec.service.clipOpened({
    id: clipId,
    cameraId: camera.id,
    roomId: camera.roomId,
    siteId: room.siteId,
    alarmId: 'a1',
    incidentId: 'i1',
    alarmIds: ['a1'],
    incidentIds: ['i1'],
    conversationId: null,
    mode: 'incident',
    policySeq: 1,
    policyCompiledAt: null,
    policyHash: null,
    assessmentIds: ['a-black-box'],
    retentionHours: 72,
  });
  await rec.service.clipFinished(
    clipId,
    { ok: true, value: { manifestDigest: sealed.manifestDigest }, sealedBytes: 1, parts: 2 },
    null,
  );
  return { manifestDigest: sealed.manifestDigest };
};
