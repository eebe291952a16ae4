/**
 * Recording use cases: what every camera should be doing now (plan), the switches (a resident's
 * objection, suspension and resumption), the life of a clip row (opened, extended, sealed,
 * failed), the notes that tell an incident whether it has footage, and retention. Each change is
 * stored and audited in one transaction. The processes themselves live in the recorder worker.
 */
import { servesSite } from '../core/alarm/audience.js';
import type { CameraCredentials } from '../core/registry/model.js';
import { planCameras, type PlannedCamera } from '../core/recording/arming.js';
import { heldUntil, liveHolds } from '../core/recording/holds.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import { actorId, type Actor, type Clock, type IdGenerator, type SecretBox } from './ports.js';
import { actorServesAllSites, actorServesSite, siteLimited } from './site-scope.js';
import type { DeletionFilter, DeletionReason, DeletionRecord, ReleaseWithDeletion } from './hold-ports.js';
import { inTransaction } from './transaction.js';
import type {
  ClipFilter,
  ClipRecord,
  ClipVaultPort,
  FootageNote,
  FootageNoteKind,
  PolicyReference,
  RecordingStore,
  RecoveryOutcome,
  SealOutcome,
  SuspensionRecord,
} from './recording-ports.js';

export const RECORDER_ACTOR: Actor = { kind: 'system', name: 'recorder' };

/** What one camera should do now, with its source (credentials filled in) and the policy version. */
export interface CameraPlan extends PlannedCamera {
  /** The camera URL with its credentials filled in: memory only, never logged. */
  readonly sourceUrl: string;
  readonly policy: Omit<PolicyReference, 'compiled'> | null;
}

export interface RecordingServiceDeps {
  readonly store: RecordingStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly vault: ClipVaultPort;
}

/** Puts the stored credentials into the URL (RTSP cameras take them there). */
export const withCredentials = (url: string, creds: CameraCredentials | null): string => {
  if (creds === null) return url;
  try {
    const u = new URL(url);
    u.username = encodeURIComponent(creds.username);
    u.password = encodeURIComponent(creds.password);
    return u.toString();
  } catch {
    return url;
  }
};

const hoursLater = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

export const recordingService = (deps: RecordingServiceDeps) => {
  const { store, clock, ids } = deps;
  const now = () => clock.now().toISOString();

  const credentials = (sealed: string | null): CameraCredentials | null => {
    if (sealed === null) return null;
    const v: unknown = JSON.parse(deps.secrets.open(sealed));
    if (
      typeof v === 'object' &&
      v !== null &&
      'username' in v &&
      'password' in v &&
      typeof v.username === 'string' &&
      typeof v.password === 'string'
    )
      return { username: v.username, password: v.password };
    return null;
  };

  /**
   * Deletes one clip in one transaction under its lock: no live hold, then the vault's files, then
   * the tombstone, the deletion record and the audit entry. A vault failure rolls the transaction
   * back (the clip stays, the sweep tries again). Answers the record, or null when there was
   * nothing to delete (already deleted, held or `skip` says so, for the sweep).
   */
  const destroy = (
    actor: Actor,
    clipId: string,
    reason: DeletionReason,
    skip: (c: ClipRecord) => string | undefined,
    release?: ReleaseWithDeletion,
  ): Promise<Result<DeletionRecord | null>> =>
    inTransaction(store, async (repos) => {
      await repos.holds.lockClip(clipId);
      const c = await repos.clips.get(clipId);
      if (c === undefined || !actorServesSite(actor, c.siteId))
        return unwrap(err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { clipId }));
      if (c.status === 'deleted') {
        if (reason === 'retention') return null;
        return unwrap(err('HOLD.CLIP_DELETED', `clip ${clipId} is already deleted`, { clipId }));
      }
      const holds = await repos.holds.forClip(clipId);
      const releasing = new Set(release?.holdIds ?? []);
      const until = heldUntil(
        holds.filter((h) => !releasing.has(h.id)),
        clock.now(),
      );
      if (until !== null) {
        if (reason === 'retention') return null;
        return unwrap(
          err('HOLD.CLIP_HELD', `a legal hold keeps clip ${clipId} until ${until}`, {
            clipId,
            heldUntil: until,
          }),
        );
      }
      // The recorder may still be writing it: erasure waits until the clip has ended.
      if (reason !== 'retention' && c.status === 'recording')
        return unwrap(
          err(
            'RECORDING.CLIP_UNAVAILABLE',
            `clip ${clipId} is still being recorded; delete it once it has ended`,
            {
              clipId,
            },
          ),
        );
      if (skip(c) !== undefined) return null;
      // The holds the caller lifts for this deletion go in the same transaction (a resident's own
      // restriction, lifted by their erasure): released and audited, or, if deletion fails, kept.
      for (const h of liveHolds(holds, clock.now()))
        if (releasing.has(h.id)) {
          await repos.holds.update({
            ...h,
            releasedAt: now(),
            releasedBy: actorId(actor),
            releaseReason: release!.reason,
          });
          await recordAudit(repos, clock, actor, 'clip.hold.released', `clip:${clipId}`, {
            holdId: h.id,
            reason: release!.reason,
            until: h.until,
            stillHeldUntil: null,
          });
        }
      const removed = await deps.vault.delete(clipId);
      if (!removed.ok) return unwrap(removed);
      const at = now();
      await repos.clips.update({
        ...c,
        status: 'deleted',
        deletedAt: at,
        deletedReason: reason,
        ...(c.status === 'recording' ? { endReason: c.endReason ?? 'never-sealed' } : {}),
      });
      const record: DeletionRecord = {
        id: ids.newId(),
        clipId,
        cameraId: c.cameraId,
        roomId: c.roomId,
        siteId: c.siteId,
        incidentIds: c.incidentIds,
        startedAt: c.startedAt,
        endedAt: c.endedAt,
        parts: c.parts,
        sealedBytes: c.sealedBytes,
        manifestDigest: c.manifestDigest,
        reason,
        deletedAt: at,
        deletedBy: actorId(actor),
      };
      await repos.deletions.insert(record);
      await recordAudit(repos, clock, actor, 'clip.deleted', `clip:${clipId}`, {
        reason,
        deletionId: record.id,
        manifestDigest: c.manifestDigest,
        parts: c.parts,
        retentionUntil: c.retentionUntil,
        retentionHours: c.retentionHours,
        ...(c.status === 'recording' ? { neverSealed: true } : {}),
      });
      return record;
    });

  return {
    /** What every camera should do at this moment, from the stored policy, conversations and switches. */
    async plan(): Promise<CameraPlan[]> {
      const r = store.read;
      const [cameras, rooms, conversations, suspensions, policy] = await Promise.all([
        r.cameras.list(),
        r.rooms.list(),
        r.lookups.runningConversations(),
        r.suspensions.active(),
        r.lookups.latestPolicy(),
      ]);
      // One query for all objections and one for all credentials, not one per conversation or camera.
      const objections = await r.objections.forConversations(conversations.map((c) => c.id));
      const planned = planCameras(
        { cameras, rooms, policy: policy?.compiled, conversations, objections, suspensions },
        clock.now(),
      );
      const reference = policy && { seq: policy.seq, compiledAt: policy.compiledAt, hash: policy.hash };
      // Credentials are fetched (and opened) only for the cameras that will record.
      const armed = await r.cameras.getManyWithSecret(
        planned.filter((p) => p.off === null).map((p) => p.camera.id),
      );
      return planned.map((p) => {
        const record = p.off === null ? armed.find((c) => c.id === p.camera.id) : undefined;
        return {
          ...p,
          policy: reference ?? null,
          sourceUrl:
            p.off === null
              ? withCredentials(p.camera.url, credentials(record?.credentialsSealed ?? null))
              : p.camera.url,
        };
      });
    },

    /**
     * The employee switches recording off for the running conversation (DOMAIN.md RGT-2). Only the
     * employee who started that conversation (they sit with the resident), or security serving the
     * room's site, may do so: nobody switches off another room's recording (docs/recording.md).
     */
    object: (actor: Actor, roomId: string) =>
      inTransaction(store, async (repos) => {
        const room = await repos.rooms.get(roomId);
        if (room === undefined || !actorServesSite(actor, room.siteId))
          return unwrap(err('RESOURCE.NOT_FOUND', `room ${roomId} does not exist`, { field: 'roomId' }));
        const conversation = (await repos.lookups.runningConversations()).find((c) => c.roomId === roomId);
        if (conversation === undefined)
          return unwrap(
            err('RECORDING.NO_CONVERSATION', 'no conversation is running in this room', { roomId }),
          );
        const user = actor.kind === 'user' ? await repos.users.get(actor.userId) : undefined;
        const security =
          user !== undefined && user.roles.includes('security') && servesSite(user, room.siteId);
        if (actor.kind !== 'user' || (conversation.startedBy !== actor.userId && !security))
          unwrap(
            err(
              'AUTH.FORBIDDEN',
              'only the employee who started the conversation in this room, or security for its site, can record an objection',
              { roomId },
            ),
          );
        const existing = await repos.objections.forConversation(conversation.id);
        if (existing !== undefined) return { objection: existing, created: false };
        const objection = {
          id: ids.newId(),
          roomId,
          conversationId: conversation.id,
          recordedBy: actorId(actor),
          at: now(),
        };
        await repos.objections.insert(objection);
        // Deliberately nothing about the resident: only that the employee switched recording off.
        await recordAudit(repos, clock, actor, 'recording.objection', `room:${roomId}`, {
          conversationId: conversation.id,
        });
        return { objection, created: true };
      }),

    suspend: (
      actor: Actor,
      input: { scope: 'site' | 'organisation'; siteId?: string | undefined; reason: string },
    ) =>
      inTransaction(store, async (repos) => {
        const reason = input.reason.trim();
        if (reason.length < 3)
          unwrap(err('REQUEST.INVALID', 'a reason is required to suspend recording', { field: 'reason' }));
        if (input.scope === 'site') {
          if (input.siteId === undefined)
            unwrap(err('REQUEST.INVALID', 'siteId is required for a site suspension', { field: 'siteId' }));
          else if (
            (await repos.sites.get(input.siteId)) === undefined ||
            !actorServesSite(actor, input.siteId)
          )
            unwrap(err('RESOURCE.NOT_FOUND', `site ${input.siteId} does not exist`, { field: 'siteId' }));
        } else if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const siteId = input.scope === 'site' ? (input.siteId ?? null) : null;
        const active = await repos.suspensions.active();
        if (active.some((s) => s.scope === input.scope && s.siteId === siteId))
          unwrap(
            err('RECORDING.ALREADY_SUSPENDED', 'recording is already suspended for this scope', {
              scope: input.scope,
              siteId,
            }),
          );
        const s: SuspensionRecord = {
          id: ids.newId(),
          scope: input.scope,
          siteId,
          reason,
          suspendedBy: actorId(actor),
          suspendedAt: now(),
          resumedBy: null,
          resumedAt: null,
          resumeReason: null,
        };
        await repos.suspensions.insert(s);
        await recordAudit(
          repos,
          clock,
          actor,
          'recording.suspend',
          siteId === null ? 'organisation' : `site:${siteId}`,
          { suspensionId: s.id, scope: s.scope, reason },
        );
        return s;
      }),

    resume: (actor: Actor, suspensionId: string, reason: string) =>
      inTransaction(store, async (repos) => {
        const s = await repos.suspensions.get(suspensionId);
        if (s === undefined || (s.siteId !== null && !actorServesSite(actor, s.siteId)))
          return unwrap(err('RESOURCE.NOT_FOUND', `suspension ${suspensionId} does not exist`));
        // Lifting an organisation-wide suspension turns recording back on at sites this person does not serve.
        if (s.siteId === null && !actorServesAllSites(actor)) unwrap(siteLimited());
        if (s.resumedAt !== null)
          unwrap(err('RECORDING.NOT_SUSPENDED', 'this suspension has already been lifted', { suspensionId }));
        const r = reason.trim();
        if (r.length < 3)
          unwrap(err('REQUEST.INVALID', 'a reason is required to resume recording', { field: 'reason' }));
        const resumed: SuspensionRecord = {
          ...s,
          resumedAt: now(),
          resumedBy: actorId(actor),
          resumeReason: r,
        };
        await repos.suspensions.update(resumed);
        await recordAudit(
          repos,
          clock,
          actor,
          'recording.resume',
          s.siteId === null ? 'organisation' : `site:${s.siteId}`,
          { suspensionId, reason: r },
        );
        return resumed;
      }),

    activeSuspensions: () => store.read.suspensions.active(),
    /** Suspensions of the viewer's sites and of the whole organisation (which covers theirs too). */
    suspensions: (limit = 100) => store.read.suspensions.list(limit),
    suspensionsFor: async (viewer: Actor, limit = 100) =>
      (await store.read.suspensions.list(limit)).filter(
        (s) => s.siteId === null || actorServesSite(viewer, s.siteId),
      ),

    // ---- clips -------------------------------------------------------------------------------

    async clipOpened(
      c: Omit<
        ClipRecord,
        | 'status'
        | 'createdAt'
        | 'startedAt'
        | 'endedAt'
        | 'durationSeconds'
        | 'bytes'
        | 'sealedBytes'
        | 'parts'
        | 'keyframeIntervalSeconds'
        | 'preRollSeconds'
        | 'endReason'
        | 'codec'
        | 'width'
        | 'height'
        | 'manifestDigest'
        | 'retentionUntil'
        | 'errorCode'
        | 'sealedAt'
        | 'deletedAt'
        | 'deletedReason'
      > & { readonly startedAt?: string | null; readonly preRollSeconds?: number | null },
    ): Promise<ClipRecord> {
      const record: ClipRecord = {
        ...c,
        // Known when the clip opens (first frame, pre-roll): an interrupted clip still says so.
        startedAt: c.startedAt ?? null,
        preRollSeconds: c.preRollSeconds ?? null,
        status: 'recording',
        createdAt: now(),
        endedAt: null,
        durationSeconds: null,
        bytes: null,
        sealedBytes: null,
        parts: null,
        keyframeIntervalSeconds: null,
        endReason: null,
        codec: null,
        width: null,
        height: null,
        manifestDigest: null,
        // Until sealed, retention runs from now: a clip that never seals (left 'recording') is still
        // deleted in time by sweepRetention().
        retentionUntil: hoursLater(now(), c.retentionHours),
        errorCode: null,
        sealedAt: null,
        deletedAt: null,
        deletedReason: null,
      };
      await store.transaction(async (repos) => {
        await repos.clips.insert(record);
        await recordAudit(repos, clock, RECORDER_ACTOR, 'clip.open', `clip:${record.id}`, {
          cameraId: record.cameraId,
          roomId: record.roomId,
          alarmId: record.alarmId,
          incidentId: record.incidentId,
          mode: record.mode,
          policySeq: record.policySeq,
          assessmentIds: record.assessmentIds,
        });
      });
      return record;
    },

    async clipExtended(clipId: string, alarmId: string, incidentId: string | null): Promise<void> {
      await store.transaction(async (repos) => {
        const c = await repos.clips.get(clipId);
        if (c === undefined) return;
        await repos.clips.update({
          ...c,
          alarmIds: c.alarmIds.includes(alarmId) ? c.alarmIds : [...c.alarmIds, alarmId],
          incidentIds:
            incidentId === null || c.incidentIds.includes(incidentId)
              ? c.incidentIds
              : [...c.incidentIds, incidentId],
        });
        await recordAudit(repos, clock, RECORDER_ACTOR, 'clip.extend', `clip:${clipId}`, {
          alarmId,
          incidentId,
        });
      });
    },

    async clipFinished(
      clipId: string,
      outcome: SealOutcome,
      meta: {
        startedAt: number;
        endedAt: number;
        durationSeconds: number;
        bytes: number;
        keyframeIntervalSeconds: number;
        preRollSeconds: number | null;
        reason: string;
        codec: string | null;
        width: number | null;
        height: number | null;
      } | null,
    ): Promise<ClipRecord | undefined> {
      return store.transaction(async (repos) => {
        const c = await repos.clips.get(clipId);
        // Deleted by retention while it never sealed: stays deleted.
        if (c === undefined || c.status === 'deleted') return undefined;
        const sealedAt = now();
        const startedAt = meta === null ? c.startedAt : new Date(meta.startedAt).toISOString();
        // A failed clip keeps only what was sealed: its end, length and size are those of the parts
        // (none sealed: it ends where it started, empty).
        const kept = outcome.ok || outcome.sealed === undefined ? undefined : outcome.sealed;
        const recorded =
          kept === undefined
            ? {
                endedAt: meta === null ? c.endedAt : new Date(meta.endedAt).toISOString(),
                durationSeconds: meta?.durationSeconds ?? c.durationSeconds,
                bytes: meta?.bytes ?? c.bytes,
              }
            : kept === null
              ? { endedAt: startedAt, durationSeconds: 0, bytes: 0 }
              : {
                  endedAt: new Date(kept.endedAt).toISOString(),
                  durationSeconds: kept.durationSeconds,
                  bytes: kept.bytes,
                };
        const updated: ClipRecord = {
          ...c,
          status: outcome.ok ? 'sealed' : 'failed',
          startedAt,
          ...recorded,
          sealedBytes: outcome.sealedBytes,
          parts: outcome.parts,
          keyframeIntervalSeconds: meta?.keyframeIntervalSeconds ?? c.keyframeIntervalSeconds,
          preRollSeconds: meta === null ? c.preRollSeconds : meta.preRollSeconds,
          endReason: meta?.reason ?? c.endReason,
          codec: meta?.codec ?? c.codec,
          width: meta?.width ?? c.width,
          height: meta?.height ?? c.height,
          manifestDigest: outcome.ok ? outcome.value.manifestDigest : null,
          retentionUntil: hoursLater(sealedAt, c.retentionHours),
          errorCode: outcome.ok ? null : outcome.error.code,
          sealedAt: outcome.ok ? sealedAt : null,
        };
        await repos.clips.update(updated);
        await recordAudit(
          repos,
          clock,
          RECORDER_ACTOR,
          outcome.ok ? 'clip.sealed' : 'clip.failed',
          `clip:${clipId}`,
          {
            cameraId: c.cameraId,
            ...(outcome.ok ? { manifestDigest: outcome.value.manifestDigest } : { code: outcome.error.code }),
            parts: outcome.parts,
            sealedBytes: outcome.sealedBytes,
            durationSeconds: meta?.durationSeconds ?? null,
            endReason: meta?.reason ?? null,
          },
        );
        return updated;
      });
    },

    /** A clip a crash left open, closed by the vault's recovery. */
    async clipRecovered(clipId: string, r: RecoveryOutcome): Promise<void> {
      await store.transaction(async (repos) => {
        const c = await repos.clips.get(clipId);
        if (c === undefined) return;
        const x = r.ok ? r.value.extent : undefined;
        await repos.clips.update({
          ...c,
          ...(x === undefined
            ? {}
            : {
                startedAt: c.startedAt ?? x.startedAt,
                endedAt: x.endedAt ?? c.endedAt,
                durationSeconds: x.durationSeconds ?? c.durationSeconds,
                bytes: x.bytes,
              }),
          status: r.ok ? 'interrupted' : 'failed',
          manifestDigest: r.ok ? r.value.manifestDigest : null,
          sealedBytes: r.ok ? r.value.sealedBytes : c.sealedBytes,
          parts: r.ok ? r.value.parts : c.parts,
          errorCode: r.ok ? null : r.error.code,
          endReason: 'interrupted',
        });
        await recordAudit(
          repos,
          clock,
          RECORDER_ACTOR,
          'clip.recovered',
          `clip:${clipId}`,
          r.ok
            ? {
                manifestDigest: r.value.manifestDigest,
                parts: r.value.parts,
                durationSeconds: r.value.extent?.durationSeconds ?? null,
              }
            : { code: r.error.code },
        );
      });
    },

    async note(n: {
      incidentId: string | null;
      alarmId: string;
      roomId: string;
      cameraId: string | null;
      kind: FootageNoteKind;
      message: string;
      clipId: string | null;
    }): Promise<FootageNote> {
      const note: FootageNote = { ...n, id: ids.newId(), at: now() };
      await store.transaction(async (repos) => {
        await repos.footageNotes.insert(note);
        await recordAudit(
          repos,
          clock,
          RECORDER_ACTOR,
          'incident.footage',
          n.incidentId === null ? `alarm:${n.alarmId}` : `incident:${n.incidentId}`,
          {
            alarmId: n.alarmId,
            cameraId: n.cameraId,
            kind: n.kind,
            clipId: n.clipId,
            message: n.message,
          },
        );
      });
      return note;
    },

    /** Whether an incident has footage; an incident that does not exist, or lies outside the viewer's sites, is 404. */
    footage: async (filter: { incidentId?: string; alarmId?: string }) => ({
      notes: await store.read.footageNotes.list(filter),
      clips:
        filter.incidentId === undefined && filter.alarmId === undefined
          ? []
          : await store.read.clips.list({ ...filter, includeDeleted: true }),
    }),
    footageFor: async (
      viewer: Actor,
      incidentId: string,
    ): Promise<Result<{ notes: FootageNote[]; clips: ClipRecord[] }>> => {
      const siteId = await store.read.lookups.siteOfIncident(incidentId);
      if (siteId === undefined || !actorServesSite(viewer, siteId))
        return err('INCIDENT.NOT_FOUND', `incident ${incidentId} does not exist`, { incidentId });
      return ok({
        notes: await store.read.footageNotes.list({ incidentId }),
        clips: await store.read.clips.list({ incidentId, includeDeleted: true }),
      });
    },
    listClips: (filter: ClipFilter = {}) => store.read.clips.list(filter),
    getClip: (id: string) => store.read.clips.get(id),
    /** Clip metadata of the viewer's sites only. */
    clipsFor: (viewer: Actor, filter: ClipFilter = {}) =>
      store.read.clips.list(
        viewer.kind === 'user' && !actorServesAllSites(viewer)
          ? { ...filter, siteIds: viewer.siteIds }
          : filter,
      ),
    /** One clip; outside the viewer's sites it does not exist for them. */
    clipFor: async (viewer: Actor, id: string) => {
      const c = await store.read.clips.get(id);
      return c !== undefined && actorServesSite(viewer, c.siteId) ? c : undefined;
    },
    totals: () => store.read.clips.totals(),
    unfinishedClips: () => store.read.clips.unfinished(),
    /** Alarms not closed yet (at start-up the recorder resumes their post-roll). */
    openAlarms: () => store.read.lookups.openAlarms(),

    /**
     * Deletes every clip whose retention has passed and that no live legal hold keeps: from the vault
     * for good (every part, the manifest, any leftover), the row kept as a tombstone, a deletion
     * record and a `clip.deleted` audit entry. A clip that never sealed (left 'recording') counts
     * once it is older than the longest clip plus `sealGraceSeconds`, so a clip still being
     * recorded is never touched. Holds are checked again under the clip's lock, so a hold placed
     * while the sweep runs wins.
     */
    async sweepRetention(o: {
      maxClipSeconds: number;
      sealGraceSeconds?: number;
      limit?: number;
    }): Promise<{ deleted: string[]; failed: { clipId: string; code: string }[] }> {
      const at = clock.now();
      const stuckBefore = new Date(
        at.getTime() - (o.maxClipSeconds + (o.sealGraceSeconds ?? 600)) * 1000,
      ).toISOString();
      const due = await store.read.clips.expired(at.toISOString(), o.limit ?? 100, stuckBefore);
      const deleted: string[] = [];
      const failed: { clipId: string; code: string }[] = [];
      for (const c of due) {
        const r = await destroy(RECORDER_ACTOR, c.id, 'retention', (cur) =>
          cur.retentionUntil !== null && cur.retentionUntil <= now() ? undefined : 'not-due',
        );
        if (r.ok) {
          if (r.value) deleted.push(c.id);
        } else failed.push({ clipId: c.id, code: r.error.code });
      }
      return { deleted, failed };
    },

    /**
     * Deletes one clip before its retention ends, for an erasure request (AVG art. 17) or an
     * objection (art. 21): refused while a legal hold keeps it. Same record and audit as retention.
     */
    deleteClip: async (
      actor: Actor,
      clipId: string,
      reason: Exclude<DeletionReason, 'retention'>,
      release?: ReleaseWithDeletion,
    ): Promise<Result<DeletionRecord>> => {
      const r = await destroy(actor, clipId, reason, () => undefined, release);
      if (!r.ok) return r;
      const record = r.value;
      if (record === null) return err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { clipId });
      return ok(record);
    },
    deletionsFor: (viewer: Actor, filter: DeletionFilter) =>
      store.read.deletions.list(
        viewer.kind === 'user' && !actorServesAllSites(viewer)
          ? { ...filter, siteIds: viewer.siteIds }
          : filter,
      ),
  };
};

export type RecordingService = ReturnType<typeof recordingService>;
