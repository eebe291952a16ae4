/**
 * The recorder's health lines (docs/operations.md), from what it observes: the vault and ffmpeg
 * problems with the codes their adapters gave, the active suspensions, and each camera's state as
 * its ingest process reports it. Pure, so every code reads as a row of health.test.ts.
 */
import type { HealthItem } from '../health.js';
import type { Blocker, OffKind } from './arming.js';

export type CameraState = 'starting' | 'online' | 'offline' | 'unauthorised' | 'bad-stream' | 'stopped';

/** One camera as the recorder sees it (a slice of the supervisor's CameraStatus). */
export interface ObservedCamera {
  readonly cameraName: string;
  readonly roomId: string;
  readonly siteId: string;
  readonly armed: boolean;
  readonly offKind: OffKind | null;
  /** From the ingest process; null before it reported (then it counts as starting). */
  readonly health: {
    readonly state: CameraState;
    /** Wall ms of the last change of state. */
    readonly since: number;
    readonly error: { readonly code: string; readonly message: string } | null;
    readonly gopSeconds: number | null;
  } | null;
  readonly gopWarning: boolean;
  readonly preRollSeconds: number | null;
  readonly sealError: { readonly code: string; readonly message: string; readonly at: string } | null;
}

export interface RecordingObservation {
  /** The vault cannot be used: the key is missing or invalid, or its folder cannot be opened. */
  readonly vault: Blocker | null;
  readonly ffmpeg: {
    /** ffmpeg was not found or does not run. */
    readonly problem: Blocker | null;
    /** The ffmpeg found, or the one looked for when none was. */
    readonly path: string;
    readonly version: string | null;
    readonly warnings: readonly string[];
  };
  readonly suspensions: readonly {
    readonly scope: 'site' | 'organisation';
    readonly siteId: string | null;
    readonly suspendedAt: string;
    readonly reason: string;
  }[];
  readonly cameras: readonly ObservedCamera[];
  /**
   * The vault's disk is full or below its free-space floor (issue 10 §3): nothing new is sealed
   * until space returns; nothing is deleted for space. Absent or null: enough space.
   */
  readonly vaultDisk?: {
    readonly freeBytes: number;
    readonly floorBytes: number;
    /** ISO: when this episode began. */
    readonly since: string;
  } | null;
  /** Site and room names by id: ids are no use on a screen. */
  readonly names: {
    readonly sites: ReadonlyMap<string, string>;
    readonly rooms: ReadonlyMap<string, string>;
  };
}

/** The vault adapter's code says which problem it is. */
const vaultCode = (code: Blocker['code']): string =>
  code === 'VAULT.KEY_MISSING'
    ? 'vault.key-missing'
    : code === 'VAULT.KEY_INVALID'
      ? 'vault.key-invalid'
      : 'vault.unavailable';

const cameraItems = (c: ObservedCamera, o: RecordingObservation): HealthItem[] => {
  const component = `camera:${c.cameraName}`;
  const where = {
    cameraName: c.cameraName,
    roomName: o.names.rooms.get(c.roomId) ?? c.roomId,
    siteName: o.names.sites.get(c.siteId) ?? c.siteId,
  };
  const items: HealthItem[] = [];
  if (c.sealError !== null)
    items.push({
      component,
      status: 'error',
      code: 'camera.seal-failed',
      message: `sealing a clip failed (${c.sealError.code}): ${c.sealError.message}`,
      params: { ...where, errorCode: c.sealError.code, since: c.sealError.at },
    });
  const h = c.health;
  if (h === null || h.state === 'starting')
    items.push({
      component,
      status: 'warning',
      code: 'camera.connecting',
      message: 'connecting to the camera',
      params: where,
    });
  else if (h.state === 'online') {
    if (c.gopWarning)
      items.push({
        component,
        status: 'warning',
        code: 'camera.keyframe-interval',
        message: `keyframe interval ${h.gopSeconds?.toFixed(1) ?? '?'} s is longer than half the pre-roll: pre-roll precision suffers`,
        params: {
          ...where,
          gopSeconds: Number((h.gopSeconds ?? 0).toFixed(1)),
          preRollSeconds: c.preRollSeconds ?? 0,
        },
      });
    else if (c.sealError === null)
      items.push({
        component,
        status: 'ok',
        code: 'camera.online',
        message: 'armed, receiving video',
        params: where,
      });
  } else {
    const since = new Date(h.since).toISOString();
    items.push({
      component,
      status: 'error',
      // offline | unauthorised | bad-stream | stopped
      code: `camera.${h.state}`,
      message: `camera ${h.state} since ${since}${h.error ? `: ${h.error.message}` : ''}`,
      params: { ...where, since, ...(h.error ? { errorCode: h.error.code } : {}) },
    });
  }
  return items;
};

export const recordingHealth = (o: RecordingObservation): HealthItem[] => {
  const items: HealthItem[] = [];
  if (o.vault !== null)
    items.push({
      component: 'recording',
      status: 'error',
      code: vaultCode(o.vault.code),
      message: o.vault.message,
    });
  if (o.vaultDisk !== undefined && o.vaultDisk !== null) {
    const mb = (n: number) => Math.floor(n / (1024 * 1024));
    items.push({
      component: 'recording',
      status: 'error',
      code: 'vault.disk-full',
      message: `The vault disk has ${mb(o.vaultDisk.freeBytes)} MB free, below the floor of ${mb(o.vaultDisk.floorBytes)} MB, since ${o.vaultDisk.since}: no new footage is sealed (nothing is deleted for space)`,
      params: {
        freeMb: mb(o.vaultDisk.freeBytes),
        floorMb: mb(o.vaultDisk.floorBytes),
        since: o.vaultDisk.since,
      },
    });
  }
  if (o.ffmpeg.problem !== null) {
    // Without ffmpeg recording is impossible, but that is an error only where a camera wants to record.
    const wanted = o.cameras.some(
      (c) =>
        c.armed ||
        c.offKind === null ||
        c.offKind === 'vault-key-missing' ||
        c.offKind === 'vault-disk-full' ||
        c.offKind === 'ffmpeg-missing',
    );
    items.push({
      component: 'recording',
      status: wanted ? 'error' : 'warning',
      code: 'ffmpeg.missing',
      message: o.ffmpeg.problem.message,
      params: { path: o.ffmpeg.path },
    });
  }
  for (const w of o.ffmpeg.warnings)
    items.push({
      component: 'recording',
      status: 'warning',
      code: 'ffmpeg.version-warning',
      message: w,
      params: { version: o.ffmpeg.version ?? '', path: o.ffmpeg.path },
    });
  for (const s of o.suspensions) {
    const siteName = s.siteId === null ? '' : (o.names.sites.get(s.siteId) ?? s.siteId);
    items.push({
      component: 'recording',
      status: 'warning',
      code: 'recording.suspended',
      message: `Recording suspended (${s.scope === 'organisation' ? 'whole organisation' : `site ${siteName}`}) since ${s.suspendedAt}: ${s.reason}`,
      params: {
        scope: s.scope,
        ...(s.siteId === null ? {} : { siteId: s.siteId, siteName }),
        reason: s.reason,
        since: s.suspendedAt,
      },
    });
  }
  for (const c of o.cameras) if (c.armed) items.push(...cameraItems(c, o));
  return items;
};
