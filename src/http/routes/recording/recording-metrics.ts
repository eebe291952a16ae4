/**
 * Prometheus text exposition (version 0.0.4) of the recorder: per camera state, last fragment
 * age, bitrate, GOP, restarts, ring size; clips and sealed bytes. Labels carry ids and names of
 * cameras and rooms only — never a URL (it may hold credentials).
 */
import type { CameraStatus } from '../../../workers/recorder-supervisor.js';

const STATES = ['off', 'starting', 'online', 'offline', 'unauthorised', 'bad-stream', 'stopped'] as const;

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export interface RecorderTotals {
  readonly clipsSealed: number;
  readonly bytesSealed: number;
  readonly suspensionsActive: number;
  readonly blocked: boolean;
}

export const renderMetrics = (
  cameras: readonly CameraStatus[],
  totals: RecorderTotals,
  nowMs: number,
): string => {
  const out: string[] = [];
  const family = (
    name: string,
    type: 'gauge' | 'counter',
    help: string,
    rows: readonly [Record<string, string>, number][],
  ) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of rows) {
      const l = Object.entries(labels)
        .map(([k, v]) => `${k}="${esc(v)}"`)
        .join(',');
      out.push(`${name}${l === '' ? '' : `{${l}}`} ${Number.isFinite(value) ? String(value) : 'NaN'}`);
    }
  };
  const cam = (c: CameraStatus) => ({
    camera_id: c.cameraId,
    camera: c.cameraName,
    room_id: c.roomId,
    site_id: c.siteId,
  });
  family(
    'proportio_camera_state',
    'gauge',
    'Camera ingest state (1 for the current state).',
    cameras.flatMap((c) => {
      const state = c.armed ? (c.health?.state ?? 'starting') : 'off';
      return STATES.map((s): [Record<string, string>, number] => [
        { ...cam(c), state: s },
        s === state ? 1 : 0,
      ]);
    }),
  );
  family(
    'proportio_camera_armed',
    'gauge',
    '1 when an ffmpeg ingest runs for the camera (policy permits recording).',
    cameras.map((c) => [cam(c), c.armed ? 1 : 0]),
  );
  family(
    'proportio_camera_recording',
    'gauge',
    '1 while a clip is being recorded.',
    cameras.map((c) => [cam(c), c.recording ? 1 : 0]),
  );
  const armed = cameras.filter((c) => c.armed && c.health !== null);
  family(
    'proportio_camera_last_fragment_age_seconds',
    'gauge',
    'Seconds since the last fragment arrived from the camera.',
    armed
      .filter((c) => c.health?.lastFragmentAt != null)
      .map((c) => [cam(c), (nowMs - (c.health?.lastFragmentAt ?? nowMs)) / 1000]),
  );
  family(
    'proportio_camera_bitrate_bits_per_second',
    'gauge',
    'Bitrate over the last fragments.',
    armed.filter((c) => c.health?.bitrateBps != null).map((c) => [cam(c), c.health?.bitrateBps ?? 0]),
  );
  family(
    'proportio_camera_gop_seconds',
    'gauge',
    'Mean keyframe interval (one fragment per GOP).',
    armed.filter((c) => c.health?.gopSeconds != null).map((c) => [cam(c), c.health?.gopSeconds ?? 0]),
  );
  family(
    'proportio_camera_restarts_total',
    'counter',
    'ffmpeg restarts since the camera was armed.',
    armed.map((c) => [cam(c), c.health?.restarts ?? 0]),
  );
  family(
    'proportio_camera_ring_bytes',
    'gauge',
    'Bytes held in the in-memory pre-buffer.',
    armed.map((c) => [cam(c), c.ringBytes]),
  );
  family(
    'proportio_camera_ring_seconds',
    'gauge',
    'Seconds held in the in-memory pre-buffer.',
    armed.map((c) => [cam(c), c.ringSeconds]),
  );
  family(
    'proportio_camera_seal_error',
    'gauge',
    '1 when the last clip of the camera could not be sealed.',
    cameras.map((c) => [cam(c), c.sealError === null ? 0 : 1]),
  );
  family('proportio_clips_sealed_total', 'counter', 'Clips sealed into the vault (database total).', [
    [{}, totals.clipsSealed],
  ]);
  family(
    'proportio_vault_sealed_bytes_total',
    'counter',
    'Ciphertext bytes of sealed clips (database total).',
    [[{}, totals.bytesSealed]],
  );
  family('proportio_recording_suspensions_active', 'gauge', 'Active recording suspensions.', [
    [{}, totals.suspensionsActive],
  ]);
  family('proportio_recording_blocked', 'gauge', '1 when recording is refused (no vault key, no ffmpeg).', [
    [{}, totals.blocked ? 1 : 0],
  ]);
  return `${out.join('\n')}\n`;
};
