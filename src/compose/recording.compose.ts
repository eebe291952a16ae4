/**
 * The recording capability: arms a camera only while the room's approved policy says so for the
 * running conversation, turns alarms into clips sealed into the vault, obeys objection and
 * suspension at once, expires clips when retention ends, and reports camera health (API, every
 * screen, Prometheus). Wires store → service → recorder worker → routes; runs the worker, the
 * reconcile and retention timers between start/stop. Disabled cameras are planned "off" (never
 * armed, no health error); removed ones are not planned at all (recording.service.ts plan()).
 *
 * The recorder is "the local agent" (ADR 0015): the RecorderDriver that `proportio agent run`
 * uses too, fed in process (the service's plan, the domain events) and sealing straight into the
 * vault. It records only on the leader (compose/cluster.ts): several instances never record one
 * camera twice; when leadership moves, the new leader recovers interrupted clips and arms.
 *
 * Configuration comes from config.ts (PROPORTIO_FFMPEG, PROPORTIO_VAULT_DIR, PROPORTIO_VAULT_URL,
 * PROPORTIO_VAULT_RECIPIENT / _FILE): ffmpeg from PATH unless set, vault at <dataDir>/vault and
 * the recipient in <vault>/recipient.txt (vault init) unless set; clips in <vault>/clips, or in
 * another folder or an S3 bucket (PROPORTIO_VAULT_URL, ADR 0014).
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { createRecordingStore } from '../adapters/db/repositories/recording-store.js';
import { locateFfmpeg, type FfmpegInfo } from '../adapters/media/ffmpeg.js';
import {
  deleteClip,
  listClips,
  nodeVaultFs,
  openClipStore,
  recoverClip,
  type ClipStore,
  type VaultFs,
} from '../adapters/vault/clip-store.js';
import { vaultFreeBytes, withFreeSpaceFloor } from '../adapters/vault/disk-floor.js';
import { s3VaultObjects, vaultObjects } from './vault-store.js';
import { parseRecipient } from '../adapters/vault/keys.js';
import { holdRoutes } from '../http/routes/holds/holds.routes.js';
import { recordingRoutes } from '../http/routes/recording/recording.routes.js';
import { holdService, type HoldService } from '../services/hold.service.js';
import { recordingService, type RecordingService } from '../services/recording.service.js';
import type { ClipVaultPort, SealOutcome, SuspensionRecord } from '../services/recording-ports.js';
import type { DomainEvents, RecordingDeniedEvent } from '../services/ports.js';
import { alarmWire, RecorderDriver, type DrivenPlan } from '../workers/recorder-driver.js';
import {
  DEFAULT_TUNABLES,
  RecorderSupervisor,
  type RecorderTunables,
  type VaultHandle,
} from '../workers/recorder-supervisor.js';
import type { Blocker, DenyScope } from '../core/recording/arming.js';
import type { ClipMetadata } from '../core/recording/clip.js';
import { recordingHealth } from '../core/recording/health.js';
import { sealedExtent } from '../core/recording/sealed-extent.js';
import { err, ok } from '../core/result.js';
import type { ModuleContext, ProportioModule } from './module.js';

export const vaultPaths = (config: Pick<Config, 'vaultDir' | 'vaultRecipientFile' | 'vaultStore'>) => ({
  vaultDir: config.vaultDir,
  /** Where the clips are, for openClipStore; `fs` matters only for a folder (the free-space floor). */
  clips: (fs?: VaultFs) => vaultObjects(config.vaultStore, fs),
  recipientFile: config.vaultRecipientFile,
});

export interface RecordingOptions {
  readonly ffmpegPath: string | undefined;
  readonly vaultFs: VaultFs | undefined;
  /** Free bytes on the vault's disk (default fs.statfs); tests may inject a fault. */
  readonly freeBytes: ((dir: string) => Promise<number | undefined>) | undefined;
  readonly tunables: RecorderTunables;
  /** Re-plan this often even without events (assessment expiry, camera changes). */
  readonly reconcileMs: number;
  readonly retentionMs: number;
  readonly onFirstSealed: ((clipId: string, at: number) => void) | undefined;
  readonly onClipDone:
    ((clipId: string, outcome: SealOutcome, meta: ClipMetadata | null) => void) | undefined;
}

/** A switch that committed: an objection (room) or a suspension (site, all), as the recorder obeys it. */
export interface RecordingModule extends ProportioModule {
  /** The vault's clip folder without the key (agents' sealed parts go here), or null when it cannot be opened. */
  vaultStore(): Promise<ClipStore | null>;
  /** The vault's recipient (age1…) now, or null without a valid one. */
  vaultRecipient(): Promise<string | null>;
  /** The domain events this module subscribes to (tests emit on it). */
  readonly events: DomainEvents;
  readonly service: RecordingService;
  /** Legal holds and the hold maximum (issue 10 §3). */
  readonly holds: HoldService;
  readonly supervisor: RecorderSupervisor;
  /** Tests and benchmarks only: change tunables before start(). */
  tune(o: Partial<RecordingOptions>): void;
  /** Re-reads policy, conversations, switches and the vault key, and reconciles processes. */
  reconcile(): Promise<void>;
  sweepRetention(): ReturnType<RecordingService['sweepRetention']>;
  ffmpeg(): FfmpegInfo | undefined;
}

export interface RecordingModuleOptions {
  /** Sites an enrolled recorder agent records: the local recorder leaves their cameras alone. */
  readonly remoteSites?: () => Promise<ReadonlySet<string>>;
}

export const createRecordingModule = (
  ctx: ModuleContext,
  moduleOptions: RecordingModuleOptions = {},
): RecordingModule => {
  const config = ctx.config;
  const log = ctx.log.child({ component: 'recorder' });
  const store = createRecordingStore(ctx.database);
  const paths = vaultPaths(config);
  const workDir = path.join(config.dataDir, 'recorder-work');

  let options: RecordingOptions = {
    ffmpegPath: config.ffmpegPath,
    vaultFs: undefined,
    freeBytes: undefined,
    tunables: DEFAULT_TUNABLES,
    reconcileMs: 15_000,
    retentionMs: 60_000,
    onFirstSealed: undefined,
    onClipDone: undefined,
  };

  let vault: VaultHandle | null = null;
  let vaultProblem: Blocker | null = null;
  let ffmpegInfo: FfmpegInfo | undefined;
  let ffmpegProblem: Blocker | null = null;
  let suspensions: SuspensionRecord[] = [];
  /** Site and room names for health items (refreshed on every reconcile; ids are no use on a screen). */
  let names: { sites: ReadonlyMap<string, string>; rooms: ReadonlyMap<string, string> } = {
    sites: new Map(),
    rooms: new Map(),
  };
  let started = false;

  /** The vault's disk below its free-space floor (null: enough space); re-checked on every reconcile. */
  let diskFull: { freeBytes: number; floorBytes: number; since: string } | null = null;
  const floorBytes = () => config.vaultMinFreeMb * 1024 * 1024;
  const freeBytes = (dir: string) => (options.freeBytes ?? vaultFreeBytes)(dir);
  const markFull = (free: number): boolean => {
    const first = diskFull === null;
    diskFull = {
      freeBytes: free,
      floorBytes: floorBytes(),
      since: diskFull?.since ?? ctx.clock.now().toISOString(),
    };
    if (first)
      log.error(
        { freeBytes: free, floorBytes: floorBytes() },
        'the vault disk is below its free-space floor: no new footage is sealed (nothing is deleted for space)',
      );
    return first;
  };
  const checkDisk = async (): Promise<void> => {
    // A bucket has no disk of ours to fill; its reachability is checked by loadVault.
    if (config.vaultStore.kind !== 'folder') return;
    const free = await freeBytes(config.vaultStore.path);
    if (free !== undefined && free < floorBytes()) markFull(free);
    else if (diskFull !== null) {
      diskFull = null;
      log.info({ freeBytes: free }, 'the vault disk has space again: sealing resumes');
    }
  };
  /** The vault's file system, refusing new parts below the floor (the store keeps it for its life). */
  const vaultFs = (): VaultFs =>
    withFreeSpaceFloor(options.vaultFs ?? nodeVaultFs, {
      floorBytes,
      freeBytes,
      onRefused: (free) => {
        if (markFull(free)) void reconcile().catch(() => undefined);
      },
    });

  /**
   * Legal holds mirrored to S3 Object Lock where the bucket has it (ADR 0014): a placed hold sets
   * an S3 legal hold on the clip's objects, so not even someone with the bucket's keys deletes
   * them; only deletion by retention or erasure, which the database allows only without a live
   * hold, lifts it first. The database stays the authority; a bucket without Object Lock (or a
   * folder) is left as it is, and the hold still stops Proportio's own deletion.
   */
  const objectLockHold = async (clipId: string, on: boolean): Promise<void> => {
    if (config.vaultStore.kind !== 's3') return;
    const objects = s3VaultObjects(config.vaultStore);
    try {
      if (await objects.setLegalHold(clipId, on)) log.info({ clipId, on }, 'S3 legal hold set on the clip');
    } catch (e) {
      log.error({ clipId, on, err: (e as Error).message }, 'the S3 legal hold could not be set');
      if (!on) throw e;
    }
  };

  const vaultPort: ClipVaultPort = {
    delete: async (clipId) => {
      const handle = vault?.store ?? (await openVaultStoreOnly());
      if (handle === null) return err('VAULT.IO_FAILED', 'the vault cannot be opened');
      try {
        await objectLockHold(clipId, false);
      } catch {
        return err('VAULT.IO_FAILED', 'the S3 legal hold on the clip could not be lifted');
      }
      const r = await deleteClip(handle, clipId);
      if (r.ok || r.error.code === 'VAULT.NOT_FOUND') return ok(undefined);
      return err(r.error.code, r.error.message);
    },
  };
  // Deleting needs no key: retention works even when the recipient was removed.
  const openVaultStoreOnly = async () => {
    const r = await openClipStore(paths.clips(vaultFs()));
    return r.ok ? r.value : null;
  };

  const service = recordingService({
    store,
    clock: ctx.clock,
    ids: ctx.ids,
    secrets: ctx.secrets,
    vault: vaultPort,
  });
  const heldInDatabase = holdService({ store, clock: ctx.clock, ids: ctx.ids });
  const holds: HoldService = {
    ...heldInDatabase,
    place: async (actor, clipId, input) => {
      const r = await heldInDatabase.place(actor, clipId, input);
      if (r.ok) await objectLockHold(clipId, true);
      return r;
    },
  };
  const now = () => ctx.clock.now().getTime();
  const supervisor = new RecorderSupervisor({
    service,
    now,
    log,
    ffmpegPath: () => ffmpegInfo?.path ?? null,
    workDir,
    tunables: () => options.tunables,
    ids: () => ctx.ids.newId(),
    onFirstSealed: (id, at) => options.onFirstSealed?.(id, at),
    onClipDone: (id, o, m) => options.onClipDone?.(id, o, m),
  });

  const recipientText = async (): Promise<string | undefined> => {
    if (config.vaultRecipient !== undefined) return config.vaultRecipient;
    try {
      return await readFile(paths.recipientFile, 'utf8');
    } catch {
      return undefined;
    }
  };

  /** Fail closed: without a valid recipient there is no vault handle, so nothing can be armed. */
  const loadVault = async (): Promise<void> => {
    const r = parseRecipient(await recipientText());
    if (!r.ok) {
      vault = null;
      vaultProblem = {
        kind: 'vault-key-missing',
        code: r.error.code,
        message:
          r.error.code === 'VAULT.KEY_MISSING'
            ? 'no vault key: recording is refused until `proportio vault init` has run'
            : 'the vault recipient is not a valid age key: recording is refused',
      };
      return;
    }
    vaultProblem = null;
    // A bucket can become unreachable while we run, so it is opened (one HEAD and a few small
    // requests) on every reconcile; a folder only when the key changes.
    const s3 = config.vaultStore.kind === 's3';
    if (vault !== null && vault.recipient.text === r.value.text && !s3) return;
    const s = await openClipStore(paths.clips(vaultFs()));
    if (!s.ok) {
      vault = null;
      const where = config.vaultStore.kind === 's3' ? 'bucket' : 'folder';
      const errno = s.error.details?.errno;
      vaultProblem = {
        kind: 'vault-key-missing',
        code: s.error.code,
        message: `the vault ${where} cannot be opened (${s.error.code}${typeof errno === 'string' ? `, ${errno}` : ''}): recording is refused`,
      };
      return;
    }
    if (vault !== null && vault.recipient.text === r.value.text) return;
    vault = { store: s.value, recipient: r.value };
  };

  const loadNames = async (): Promise<typeof names> => {
    try {
      const [sites, rooms] = await Promise.all([ctx.store.read.sites.list(), ctx.store.read.rooms.list()]);
      return {
        sites: new Map(sites.map((x) => [x.id, x.name])),
        rooms: new Map(rooms.map((x) => [x.id, x.name])),
      };
    } catch {
      return names;
    }
  };

  /** Why nothing can be recorded anywhere now (fail closed). */
  const blockers = (): Blocker[] =>
    [
      vaultProblem,
      diskFull === null
        ? null
        : ({
            kind: 'vault-disk-full',
            code: 'VAULT.DISK_FULL',
            message: `the vault disk is below its free-space floor (${Math.floor(diskFull.freeBytes / 1048576)} MB free): no new footage is sealed`,
          } satisfies Blocker),
      ffmpegProblem,
    ].filter((b) => b !== null);

  /** The plan source of the local agent: read in process, with this server's blockers. */
  const readPlan = async (): Promise<DrivenPlan> => {
    const issuedAt = ctx.clock.now().toISOString();
    await loadVault();
    await checkDisk();
    const remote = (await moduleOptions.remoteSites?.()) ?? new Set<string>();
    // A site with its own agent is recorded there, never twice (ADR 0015 §7).
    const cameras = (await service.plan()).filter((p) => !remote.has(p.siteId));
    suspensions = await service.activeSuspensions();
    names = await loadNames();
    return { issuedAt, cameras, blockers: blockers(), vault, openAlarms: () => service.openAlarms() };
  };
  // Armed when this instance leads and the module has started (armLocal).
  const driver = new RecorderDriver({ supervisor, source: { read: readPlan }, log, now, armed: false });
  /** Re-reads policy, conversations, switches and the vault key; the leader applies them. */
  const reconcile = (): Promise<void> => driver.replan();

  /**
   * Objection or suspension, after it committed: stop the affected cameras now (ring purged, ffmpeg
   * signalled synchronously) and deny them to any reconcile whose plan was read earlier; then
   * re-plan through the same chain, which lifts the denial with a plan that shows the switch.
   * The other instances' recorders and every agent stream hear it as `recording.denied`.
   */
  const switchOff = (
    scope: DenyScope,
    off: RecordingDeniedEvent['off'],
  ): { stopped: Promise<void>; replanned: Promise<void> } => {
    const at = ctx.clock.now().toISOString();
    const stopped = driver.deny({ scope, off, at });
    ctx.events.emit({ type: 'recording.denied', at, scope, off });
    return { stopped, replanned: reconcile() };
  };

  /** Clips a crash left open: index what was sealed, mark them interrupted (never as complete). */
  const recover = async (): Promise<void> => {
    // A site's agent is still sending its clips' parts: only the agent can say they ended (ADR 0015).
    const remote = (await moduleOptions.remoteSites?.()) ?? new Set<string>();
    const unfinished = (await service.unfinishedClips()).filter((c) => !remote.has(c.siteId));
    if (unfinished.length === 0) return;
    const s = await openVaultStoreOnly();
    if (s === null) return;
    const listed = await listClips(s);
    const known = new Set(listed.ok ? listed.value.map((c) => c.clipId) : []);
    for (const c of unfinished) {
      if (!known.has(c.id)) {
        await service.clipRecovered(c.id, err('VAULT.NOT_FOUND', 'the vault holds no such clip'));
        continue;
      }
      const r = await recoverClip(s, c.id);
      await service.clipRecovered(
        c.id,
        r.ok
          ? ok({
              manifestDigest: r.value.manifestDigest,
              parts: r.value.manifest.parts.length,
              sealedBytes: r.value.manifest.parts.reduce((a, p) => a + p.bytes, 0),
              extent: sealedExtent(r.value.manifest.parts),
            })
          : r,
      );
    }
  };

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return { deleted: [], failed: [] };
    sweeping = true;
    try {
      const t = options.tunables;
      const r = await service.sweepRetention({
        maxClipSeconds: Math.max(t.maxClipSeconds, t.continuousClipSeconds),
      });
      if (r.deleted.length > 0)
        log.info({ deleted: r.deleted.length }, 'clips deleted at the end of their retention');
      for (const f of r.failed)
        log.error({ clipId: f.clipId, code: f.code }, 'a clip past its retention could not be deleted');
      return r;
    } finally {
      sweeping = false;
    }
  };

  /** This instance leads: finish what a crash or the previous leader left open, then record. */
  let arming: Promise<void> = Promise.resolve();
  const armLocal = (): Promise<void> =>
    (arming = arming.then(async () => {
      if (!started || !ctx.cluster.isLeader() || driver.armed) return;
      await recover().catch((e: unknown) =>
        log.error({ err: (e as Error).message }, 'recovering interrupted clips failed'),
      );
      if (!started || !ctx.cluster.isLeader()) return;
      log.info('the local recorder arms: this instance leads');
      await driver.arm().catch(() => undefined);
    }));
  const onLeaderChange = (leader: boolean): void => {
    if (leader) void armLocal();
    else if (driver.armed) {
      log.info('the local recorder disarms: another instance leads');
      driver.disarm();
    }
  };

  const unsubscribe: (() => void)[] = [];
  let reconcileTimer: NodeJS.Timeout | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;

  const health = () =>
    recordingHealth({
      vault: vaultProblem,
      vaultDisk: diskFull,
      ffmpeg: {
        problem: ffmpegProblem,
        path: ffmpegInfo?.path ?? config.ffmpegPath ?? 'ffmpeg',
        version: ffmpegInfo?.version ?? null,
        warnings: ffmpegInfo?.warnings ?? [],
      },
      suspensions,
      cameras: supervisor.status(),
      names,
    });

  return {
    name: 'recording',
    events: ctx.events,
    service,
    holds,
    supervisor,
    vaultStore: openVaultStoreOnly,
    vaultRecipient: async () => {
      const r = parseRecipient(await recipientText());
      return r.ok ? r.value.text : null;
    },
    tune: (o) => {
      options = { ...options, ...o };
    },
    reconcile,
    sweepRetention: sweep,
    ffmpeg: () => ffmpegInfo,
    routes: async (app: FastifyInstance) => {
      await app.register(recordingRoutes, {
        object: async (actor, roomId) => {
          const r = await service.object(actor, roomId);
          if (r.ok) {
            // Stop before anything else: the ring is purged and ffmpeg signalled synchronously.
            const { stopped, replanned } = switchOff(
              { kind: 'room', roomId },
              {
                kind: 'objection',
                message: 'no footage: recording switched off for this conversation after an objection',
              },
            );
            void replanned.catch(() => undefined);
            await stopped;
          }
          return r;
        },
        suspend: async (actor, input) => {
          const r = await service.suspend(actor, input);
          if (r.ok) {
            const s = r.value;
            const { stopped, replanned } = switchOff(
              s.scope === 'site' && s.siteId !== null ? { kind: 'site', siteId: s.siteId } : { kind: 'all' },
              {
                kind: 'suspended',
                message: `no footage: recording suspended (${s.scope === 'organisation' ? 'whole organisation' : 'this site'}) since ${s.suspendedAt}`,
              },
            );
            await stopped;
            await replanned.catch(() => undefined);
          }
          return r;
        },
        resume: async (actor, id, reason) => {
          const r = await service.resume(actor, id, reason);
          if (r.ok) {
            ctx.events.emit({
              type: 'recording.resumed',
              at: ctx.clock.now().toISOString(),
              suspensionId: id,
            });
            await reconcile().catch(() => undefined);
          }
          return r;
        },
        suspensions: (viewer) => service.suspensionsFor(viewer),
        listClips: async (viewer, f) => holds.withHolds(await service.clipsFor(viewer, f)),
        getClip: async (viewer, id) => {
          const c = await service.clipFor(viewer, id);
          return c === undefined ? undefined : (await holds.withHolds([c]))[0];
        },
        footage: async (viewer, id) => {
          const r = await service.footageFor(viewer, id);
          return r.ok ? ok({ ...r.value, clips: await holds.withHolds(r.value.clips) }) : r;
        },
        cameras: () => supervisor.status(),
        running: () => started,
        blockers,
        totals: async () => {
          const t = await service.totals();
          return {
            clipsSealed: t.clips,
            bytesSealed: t.sealedBytes,
            suspensionsActive: suspensions.length,
            blocked: vaultProblem !== null || ffmpegProblem !== null || diskFull !== null,
          };
        },
        now,
        otherMetrics: () => ctx.metrics?.render() ?? Promise.resolve(''),
      });
      await app.register(holdRoutes, {
        clipHolds: async (viewer, clipId) => {
          const r = await holds.holdsOf(viewer, clipId);
          if (!r.ok) return r;
          const live = r.value.filter((h) => h.state === 'live');
          return ok({
            maxDays: await holds.maxDays(),
            held: live.length > 0,
            heldUntil: live.reduce<string | null>((a, h) => (a === null || h.until > a ? h.until : a), null),
            holds: r.value,
          });
        },
        place: (actor, clipId, body) => holds.place(actor, clipId, body),
        extend: (actor, holdId, body) => holds.extend(actor, holdId, body),
        release: (actor, holdId, reason) => holds.release(actor, holdId, reason),
        deletions: (viewer, filter) => service.deletionsFor(viewer, filter),
        maxDays: () => holds.maxDays(),
        setMaxDays: (actor, maxDays) => holds.setMaxDays(actor, maxDays),
      });
    },
    start: async () => {
      if (started) return;
      started = true;
      mkdirSync(workDir, { recursive: true, mode: 0o700 });
      const f = await locateFfmpeg(options.ffmpegPath === undefined ? {} : { path: options.ffmpegPath });
      if (f.ok) {
        ffmpegInfo = f.value;
        ffmpegProblem = null;
        log.info(
          { ffmpeg: f.value.path, version: f.value.version },
          `recording uses ffmpeg ${f.value.version}`,
        );
        for (const w of f.value.warnings) log.warn({ ffmpeg: f.value.path }, w);
      } else {
        ffmpegInfo = undefined;
        ffmpegProblem = {
          kind: 'ffmpeg-missing',
          code: f.error.code,
          message: `${f.error.message}; recording is unavailable (alarms keep working)`,
        };
        log.warn({ code: f.error.code }, f.error.message);
      }
      const onChange = () => void reconcile().catch(() => undefined);
      unsubscribe.push(
        ctx.events.subscribe(['alarm.raised', 'alarm.joined', 'alarm.closed'], (e) =>
          driver.handle({ kind: e.type, alarm: alarmWire(e.alarm) }),
        ),
        ctx.events.subscribe(
          ['conversation.started', 'conversation.ended', 'policy.changed', 'camera.changed'],
          onChange,
        ),
        // A suspension lifted on another instance (this one re-planned when it lifted its own).
        ctx.events.subscribe('recording.resumed', onChange, { emittedElsewhere: true }),
        // An objection or suspension made on another instance: stop here too, at once.
        ctx.events.subscribe(
          'recording.denied',
          ({ scope, off, at }) => driver.handle({ kind: 'deny', denial: { scope, off, at } }),
          { emittedElsewhere: true },
        ),
        ctx.cluster.onLeaderChange(onLeaderChange),
      );
      // A follower still reads the plan: its health shows the vault, the disk and suspensions.
      if (ctx.cluster.isLeader()) await armLocal();
      else await reconcile().catch(() => undefined);
      reconcileTimer = setInterval(onChange, options.reconcileMs);
      reconcileTimer.unref();
      retentionTimer = setInterval(
        () =>
          void sweep().catch((e: unknown) =>
            log.error({ err: (e as Error).message }, 'retention sweep failed'),
          ),
        options.retentionMs,
      );
      retentionTimer.unref();
      void sweep().catch(() => undefined);
    },
    stop: async () => {
      for (const u of unsubscribe.splice(0)) u();
      if (reconcileTimer) clearInterval(reconcileTimer);
      if (retentionTimer) clearInterval(retentionTimer);
      reconcileTimer = undefined;
      retentionTimer = undefined;
      if (started) {
        started = false;
        await arming;
        await driver.idle();
        await driver.stop();
      }
    },
    health,
  };
};
