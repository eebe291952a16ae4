/**
 * Redacted copies for a resident's request for access (issue 12 §2, docs/redaction.md "The job"):
 * one job per request × linked clip. The DPO starts face detection, reviews the tracks (whose face
 * is kept, who consented, boxes added or corrected), renders the copy and downloads it as MP4.
 *
 * Footage is decrypted only under the DPO's own live viewing grant on the legal ground subject
 * access (RedactionGrants: the four-eyes grant of viewing), into a private temporary folder that
 * is removed when the step ends. Detection and rendering take minutes (the detector manages about
 * 5 frames a second here), so they run in the background: the HTTP request gets the job at once
 * and the job reports its progress. The copy rests encrypted (CopyVault) for at most seven days,
 * less when the request closes or the DPO deletes it (core/redaction/job.ts).
 *
 * Every step is audited with subject `clip:<clipId>` (it shows in the clip's footage history),
 * naming the resident's request and the grant, never the resident.
 */
import {
  checkReview,
  copyEnd,
  copyExpiresAt,
  copyFileName,
  jobTransition,
  type JobEvent,
  type JobState,
} from '../core/redaction/job.js';
import type { RedactionReview } from '../core/redaction/plan.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import { dayInAmsterdam } from '../core/rights/deadlines.js';
import { heldByEarlierRun, heldHere, placeOfHolder, type Instance } from '../core/viewing/holder.js';
import { recordAudit } from './audit.service.js';
import { actorId, type Actor, type Clock, type IdGenerator } from './ports.js';
import type {
  CopyVault,
  DetectedTracks,
  FootageRedactor,
  GrantedClip,
  RedactionGrants,
  RedactionJobRecord,
  RedactionStore,
  ScratchFolder,
} from './redaction-ports.js';
import type { RightsRepositories } from './rights-ports.js';
import { actorServesSite } from './site-scope.js';
import { inTransaction } from './transaction.js';

export interface RedactionServiceDeps {
  readonly store: RedactionStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly grants: RedactionGrants;
  /** The engine, made on first use (loading the detector takes a few seconds). */
  readonly redactor: () => Promise<Result<FootageRedactor>>;
  readonly copies: CopyVault;
  readonly scratch: () => Promise<ScratchFolder>;
  readonly copyRetentionDays?: number;
  /**
   * This instance (ADR 0017): a copy's key lives in the memory of the instance that rendered it,
   * so another instance names that one instead of calling the copy gone, and a restart ends only
   * what an earlier run of this instance held. Default: the only one.
   */
  readonly instance?: Instance;
}

/** A job as the API shows it. */
export interface RedactionJobView {
  readonly id: string;
  readonly requestId: string;
  readonly clipId: string;
  readonly state: JobState;
  /** The share of the running step done, 0…1; null when nothing runs. */
  readonly progress: number | null;
  readonly tracks: DetectedTracks | null;
  readonly review: RedactionReview | null;
  readonly error: { readonly code: string | null; readonly message: string } | null;
  readonly frames: number | null;
  readonly pixelatedBoxes: number | null;
  readonly copy: {
    readonly bytes: number;
    readonly sha256: string;
    readonly expiresAt: string;
    readonly downloadedAt: string | null;
  } | null;
  readonly copyDeleted: { readonly at: string; readonly reason: string } | null;
  /** The viewer's own live grant on this clip for a redaction, if any (only the DPO who asked has one). */
  readonly grant: { readonly expiresAt: string; readonly viewingRequestId: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CopyFile {
  readonly body: Buffer;
  readonly file: string;
}

const SYSTEM: Actor = { kind: 'system', name: 'redaction' };
const ALONE: Instance = { id: 'local/0', alone: true };
/** How long past its end another instance ends a copy's record whose holder never did (it is gone). */
const HOLDER_GONE_MS = 60 * 60 * 1000;
const subject = (clipId: string) => `clip:${clipId}`;

interface Running {
  readonly abort: AbortController;
  progress: number;
  done: Promise<void>;
}

export const redactionService = (deps: RedactionServiceDeps) => {
  const { store, clock, ids, grants, copies } = deps;
  const self = deps.instance ?? ALONE;
  const here = (j: RedactionJobRecord) => heldHere(j.heldBy, self);
  /** A copy kept by another instance: only it can hand it out or delete it. */
  const heldElsewhere = (j: RedactionJobRecord) =>
    unwrap(
      err(
        'REDACTION.HELD_ELSEWHERE',
        `the redacted copy is kept by the Proportio instance at ${placeOfHolder(j.heldBy ?? '')}, not this one: download or delete it there`,
        { heldOn: placeOfHolder(j.heldBy ?? '') },
      ),
    );
  const running = new Map<string, Running>();
  const nowIso = () => clock.now().toISOString();

  /** The request (visible to the actor, else RIGHTS.NOT_FOUND) and its link to the clip. */
  const requestAndLink = async (
    repos: RightsRepositories,
    actor: Actor,
    requestId: string,
    clipId: string,
  ) => {
    const r = await repos.requests.get(requestId);
    if (r === undefined || !actorServesSite(actor, r.siteId))
      return unwrap(err('RIGHTS.NOT_FOUND', `request ${requestId} does not exist`, { requestId }));
    const link = (await repos.requests.clips(requestId)).find((l) => l.clipId === clipId);
    if (link === undefined)
      return unwrap(
        err('RIGHTS.CLIP_NOT_LINKED', `clip ${clipId} is not linked to request ${requestId}`, { clipId }),
      );
    return r;
  };

  /** A step that changes the footage: only for an open request for access. */
  const actionable = async (repos: RightsRepositories, actor: Actor, requestId: string, clipId: string) => {
    const r = await requestAndLink(repos, actor, requestId, clipId);
    if (r.kind !== 'access')
      unwrap(err('REDACTION.NOT_ACCESS_REQUEST', `request ${requestId} is a request for ${r.kind}`));
    if (r.status === 'closed') unwrap(err('REDACTION.REQUEST_CLOSED', `request ${requestId} is closed`));
    return r;
  };

  const jobOf = async (
    repos: Parameters<Parameters<RedactionStore['transaction']>[0]>[0],
    requestId: string,
    clipId: string,
  ) => {
    const j = await repos.redactions.get(requestId, clipId);
    if (j === undefined)
      return unwrap(err('REDACTION.NOT_DETECTED', 'no faces were searched in this clip yet'));
    return j;
  };

  const step = (state: JobState | 'none', event: JobEvent): JobState => unwrap(jobTransition(state, event));

  const view = async (viewer: Actor, j: RedactionJobRecord): Promise<RedactionJobView> => {
    const g = await grants.forRedaction(viewer, j.clipId);
    return {
      id: j.id,
      requestId: j.requestId,
      clipId: j.clipId,
      state: j.state,
      // The step's record is final before its runner is gone: a finished job shows no progress.
      progress:
        j.state === 'detecting' || j.state === 'rendering' ? (running.get(j.id)?.progress ?? 0) : null,
      tracks: j.tracks,
      review: j.review,
      error: j.state === 'failed' ? { code: j.errorCode, message: j.errorMessage ?? '' } : null,
      frames: j.frames,
      pixelatedBoxes: j.pixelatedBoxes,
      copy:
        j.copySha256 !== null && j.copyDeletedAt === null && j.copyExpiresAt !== null
          ? {
              bytes: j.copyBytes ?? 0,
              sha256: j.copySha256,
              expiresAt: j.copyExpiresAt,
              downloadedAt: j.downloadedAt,
            }
          : null,
      copyDeleted:
        j.copyDeletedAt === null ? null : { at: j.copyDeletedAt, reason: j.copyDeletedReason ?? '' },
      grant: g.ok ? { expiresAt: g.value.expiresAt, viewingRequestId: g.value.viewingRequestId } : null,
      createdAt: j.createdAt,
      updatedAt: j.updatedAt,
    };
  };

  /** The copy's record says it is gone (the file is removed by the caller). */
  const copyGone = (j: RedactionJobRecord, reason: string): RedactionJobRecord => ({
    ...j,
    copyDeletedAt: nowIso(),
    copyDeletedReason: reason,
    updatedAt: nowIso(),
  });
  const hasCopy = (j: RedactionJobRecord) => j.copySha256 !== null && j.copyDeletedAt === null;

  /** Ends a background step as failed, audited; a stopped server leaves it to restarted(). */
  const fail = async (
    job: RedactionJobRecord,
    stage: 'detect' | 'render',
    code: string | null,
    message: string,
  ) => {
    await store.transaction(async (repos) => {
      const j = await repos.redactions.get(job.requestId, job.clipId);
      if (j === undefined || j.id !== job.id || !jobTransition(j.state, 'fail').ok) return;
      await repos.redactions.save({
        ...j,
        state: 'failed',
        errorCode: code,
        errorMessage: message.slice(0, 500),
        updatedAt: nowIso(),
      });
      await recordAudit(repos, clock, SYSTEM, 'redaction.failed', subject(j.clipId), {
        rightsRequestId: j.requestId,
        stage,
        code,
      });
    });
  };

  /** Runs one background step with a scratch folder that is removed whatever happens. */
  const background = (
    job: RedactionJobRecord,
    stage: 'detect' | 'render',
    work: (scratch: ScratchFolder, r: Running) => Promise<void>,
  ) => {
    const abort = new AbortController();
    const entry: Running = { abort, progress: 0, done: Promise.resolve() };
    entry.done = (async () => {
      let scratch: ScratchFolder | undefined;
      try {
        scratch = await deps.scratch();
        await work(scratch, entry);
      } catch (e) {
        await fail(job, stage, null, (e as Error).message).catch(() => undefined);
      } finally {
        await scratch?.remove();
        running.delete(job.id);
      }
    })();
    running.set(job.id, entry);
  };

  /** Decrypts the clip under the grant into the scratch folder. */
  const decrypt = async (granted: GrantedClip, scratch: ScratchFolder): Promise<Result<string>> => {
    const plain = await granted.plaintext();
    if (!plain.ok) return plain;
    return ok(await scratch.write('clip.mp4', plain.value));
  };

  const engine = async (): Promise<Result<FootageRedactor>> => deps.redactor();

  return {
    list: (viewer: Actor, requestId: string): Promise<Result<RedactionJobView[]>> =>
      inTransaction(store, async (repos) => {
        const r = await repos.requests.get(requestId);
        if (r === undefined || !actorServesSite(viewer, r.siteId))
          unwrap(err('RIGHTS.NOT_FOUND', `request ${requestId} does not exist`, { requestId }));
        return repos.redactions.byRequest(requestId);
      }).then(async (r) => {
        if (!r.ok) return r;
        const out: RedactionJobView[] = [];
        for (const j of r.value) out.push(await view(viewer, j));
        return ok(out);
      }),

    get: async (viewer: Actor, requestId: string, clipId: string): Promise<Result<RedactionJobView>> => {
      const r = await inTransaction(store, async (repos) => {
        await requestAndLink(repos, viewer, requestId, clipId);
        return jobOf(repos, requestId, clipId);
      });
      return r.ok ? ok(await view(viewer, r.value)) : r;
    },

    /** Starts face detection in the background under the actor's grant; answers with the job at once. */
    detect: async (actor: Actor, requestId: string, clipId: string): Promise<Result<RedactionJobView>> => {
      const checked = await inTransaction(store, async (repos) => {
        await actionable(repos, actor, requestId, clipId);
        const j = await repos.redactions.get(requestId, clipId);
        step(j?.state ?? 'none', 'detect');
      });
      if (!checked.ok) return checked;
      const granted = await grants.forRedaction(actor, clipId);
      if (!granted.ok) return granted;
      const g = granted.value;
      const started = await inTransaction(store, async (repos) => {
        const r = await actionable(repos, actor, requestId, clipId);
        const j = await repos.redactions.get(requestId, clipId);
        const state = step(j?.state ?? 'none', 'detect');
        const at = nowIso();
        // New tracks get new ids: an earlier review and copy no longer fit them.
        if (j !== undefined && hasCopy(j)) {
          if (!here(j)) heldElsewhere(j);
          await copies.remove(j.id);
        }
        const next: RedactionJobRecord = {
          id: j?.id ?? ids.newId(),
          requestId,
          clipId,
          siteId: r.siteId,
          state,
          grantId: g.grantId,
          tracks: null,
          review: null,
          errorCode: null,
          errorMessage: null,
          frames: null,
          pixelatedBoxes: null,
          copyBytes: j?.copyBytes ?? null,
          copySha256: j?.copySha256 ?? null,
          copyExpiresAt: j?.copyExpiresAt ?? null,
          copyDeletedAt: j !== undefined && hasCopy(j) ? at : (j?.copyDeletedAt ?? null),
          copyDeletedReason:
            j !== undefined && hasCopy(j) ? 'detected-again' : (j?.copyDeletedReason ?? null),
          downloadedAt: j?.downloadedAt ?? null,
          heldBy: self.id,
          createdBy: j?.createdBy ?? actorId(actor),
          createdAt: j?.createdAt ?? at,
          updatedAt: at,
        };
        await repos.redactions.save(next);
        await recordAudit(repos, clock, actor, 'redaction.detect-started', subject(clipId), {
          rightsRequestId: requestId,
          requestId: g.viewingRequestId,
          grantId: g.grantId,
        });
        return next;
      });
      if (!started.ok) return started;
      const job = started.value;
      background(job, 'detect', async (scratch, entry) => {
        const file = await decrypt(g, scratch);
        if (!file.ok) return fail(job, 'detect', file.error.code, file.error.message);
        const red = await engine();
        if (!red.ok) return fail(job, 'detect', red.error.code, red.error.message);
        const found = await red.value.detectTracks(file.value, {
          signal: entry.abort.signal,
          onProgress: (p) => (entry.progress = p),
        });
        if (entry.abort.signal.aborted) return;
        if (!found.ok) return fail(job, 'detect', found.error.code, found.error.message);
        await store.transaction(async (repos) => {
          const j = await repos.redactions.get(requestId, clipId);
          if (j === undefined || j.id !== job.id) return;
          await repos.redactions.save({
            ...j,
            state: step(j.state, 'detected'),
            tracks: found.value,
            updatedAt: nowIso(),
          });
          await recordAudit(repos, clock, SYSTEM, 'redaction.detected', subject(clipId), {
            rightsRequestId: requestId,
            tracks: found.value.tracks.length,
            detector: found.value.detector,
          });
        });
      });
      return ok(await view(actor, job));
    },

    /** Saves the DPO's review: whose face is kept, who consented, boxes added or corrected. */
    review: (
      actor: Actor,
      requestId: string,
      clipId: string,
      review: RedactionReview,
    ): Promise<Result<RedactionJobView>> =>
      inTransaction(store, async (repos) => {
        await actionable(repos, actor, requestId, clipId);
        const j = await jobOf(repos, requestId, clipId);
        const state = step(j.state, 'review');
        if (j.tracks === null) unwrap(err('REDACTION.NOT_DETECTED', 'no tracks to review'));
        const checked = unwrap(checkReview(j.tracks!, review));
        let next: RedactionJobRecord = { ...j, state, review: checked, updatedAt: nowIso() };
        // A copy made under the earlier review no longer is what the DPO decided.
        if (hasCopy(j)) {
          await copies.remove(j.id);
          next = copyGone(next, 'review-changed');
        }
        await repos.redactions.save(next);
        await recordAudit(repos, clock, actor, 'redaction.reviewed', subject(clipId), {
          rightsRequestId: requestId,
          kept: checked.keepTrackIds?.length ?? 0,
          consented: checked.consentedTrackIds?.length ?? 0,
          edits: checked.edits?.length ?? 0,
        });
        return next;
      }).then(async (r) => (r.ok ? ok(await view(actor, r.value)) : r)),

    /** Renders the copy in the background under the actor's grant; answers with the job at once. */
    render: async (actor: Actor, requestId: string, clipId: string): Promise<Result<RedactionJobView>> => {
      const checked = await inTransaction(store, async (repos) => {
        await actionable(repos, actor, requestId, clipId);
        const j = await jobOf(repos, requestId, clipId);
        step(j.state, 'render');
        if (j.review === null) unwrap(err('REDACTION.NOT_REVIEWED', 'save the review first'));
      });
      if (!checked.ok) return checked;
      const granted = await grants.forRedaction(actor, clipId);
      if (!granted.ok) return granted;
      const g = granted.value;
      const started = await inTransaction(store, async (repos) => {
        await actionable(repos, actor, requestId, clipId);
        const j = await jobOf(repos, requestId, clipId);
        let next: RedactionJobRecord = {
          ...j,
          state: step(j.state, 'render'),
          grantId: g.grantId,
          errorCode: null,
          errorMessage: null,
          heldBy: self.id,
          updatedAt: nowIso(),
        };
        if (hasCopy(j)) {
          if (!here(j)) heldElsewhere(j);
          await copies.remove(j.id);
          next = copyGone(next, 'rendered-again');
        }
        await repos.redactions.save(next);
        await recordAudit(repos, clock, actor, 'redaction.render-started', subject(clipId), {
          rightsRequestId: requestId,
          requestId: g.viewingRequestId,
          grantId: g.grantId,
        });
        return next;
      });
      if (!started.ok) return started;
      const job = started.value;
      background(job, 'render', async (scratch, entry) => {
        const file = await decrypt(g, scratch);
        if (!file.ok) return fail(job, 'render', file.error.code, file.error.message);
        const red = await engine();
        if (!red.ok) return fail(job, 'render', red.error.code, red.error.message);
        const output = scratch.file('copy.mp4');
        const made = await red.value.redactClip({
          input: file.value,
          output,
          ...(job.tracks ? { tracks: job.tracks } : {}),
          review: job.review ?? {},
          noteDate: dayInAmsterdam(clock.now()),
          signal: entry.abort.signal,
          onProgress: (p) => (entry.progress = p),
        });
        if (entry.abort.signal.aborted) return;
        if (!made.ok) return fail(job, 'render', made.error.code, made.error.message);
        const kept = await copies.put(job.id, output);
        await store.transaction(async (repos) => {
          const j = await repos.redactions.get(requestId, clipId);
          if (j === undefined || j.id !== job.id) return;
          const at = clock.now();
          const expiresAt = new Date(copyExpiresAt(at.getTime(), deps.copyRetentionDays)).toISOString();
          await repos.redactions.save({
            ...j,
            state: step(j.state, 'rendered'),
            frames: made.value.frames,
            pixelatedBoxes: made.value.pixelatedBoxes,
            copyBytes: kept.bytes,
            copySha256: kept.sha256,
            copyExpiresAt: expiresAt,
            copyDeletedAt: null,
            copyDeletedReason: null,
            downloadedAt: null,
            updatedAt: at.toISOString(),
          });
          await recordAudit(repos, clock, SYSTEM, 'redaction.rendered', subject(clipId), {
            rightsRequestId: requestId,
            frames: made.value.frames,
            pixelatedBoxes: made.value.pixelatedBoxes,
            sha256: kept.sha256,
            expiresAt,
          });
        });
      });
      return ok(await view(actor, job));
    },

    /** The copy as MP4; the download is audited (committed) before a byte is handed out. */
    download: async (actor: Actor, requestId: string, clipId: string): Promise<Result<CopyFile>> => {
      const r = await inTransaction(store, async (repos) => {
        const req = await requestAndLink(repos, actor, requestId, clipId);
        const j = await jobOf(repos, requestId, clipId);
        if (!hasCopy(j) || j.copyExpiresAt === null)
          return unwrap(err('REDACTION.COPY_GONE', 'no copy is kept for this clip'));
        const end = copyEnd(
          { expiresAt: Date.parse(j.copyExpiresAt) },
          clock.now().getTime(),
          req.status === 'closed',
        );
        if (end !== null) unwrap(err('REDACTION.COPY_GONE', `the copy is no longer kept (${end})`));
        if (!here(j)) heldElsewhere(j);
        const body = await copies.get(j.id);
        if (body === undefined) unwrap(err('REDACTION.COPY_GONE', 'the copy cannot be read any more'));
        await repos.redactions.save({ ...j, downloadedAt: nowIso(), updatedAt: nowIso() });
        await recordAudit(repos, clock, actor, 'redaction.downloaded', subject(clipId), {
          rightsRequestId: requestId,
          sha256: j.copySha256,
          bytes: body!.length,
        });
        return { body: body!, file: copyFileName(requestId, clipId) };
      });
      return r;
    },

    /** The DPO deletes the copy (it went out with the letter, or should not). */
    deleteCopy: (actor: Actor, requestId: string, clipId: string): Promise<Result<RedactionJobView>> =>
      inTransaction(store, async (repos) => {
        await requestAndLink(repos, actor, requestId, clipId);
        const j = await jobOf(repos, requestId, clipId);
        if (!hasCopy(j)) return unwrap(err('REDACTION.COPY_GONE', 'no copy is kept for this clip'));
        if (!here(j)) heldElsewhere(j);
        await copies.remove(j.id);
        const next = copyGone(j, 'deleted');
        await repos.redactions.save(next);
        await recordAudit(repos, clock, actor, 'redaction.copy-deleted', subject(clipId), {
          rightsRequestId: requestId,
          reason: 'deleted',
        });
        return next;
      }).then(async (r) => (r.ok ? ok(await view(actor, r.value)) : r)),

    /**
     * The decrypted clip for the review screen's player, under the actor's grant; audited before a
     * byte is sent. In a browser session only, as viewing is.
     */
    preview: async (
      actor: Actor,
      sessionId: string | undefined,
      requestId: string,
      clipId: string,
    ): Promise<Result<AsyncIterable<Buffer>>> => {
      const checked = await inTransaction(store, (repos) => requestAndLink(repos, actor, requestId, clipId));
      if (!checked.ok) return checked;
      if (sessionId === undefined)
        return err('FOOTAGE.NOT_REQUESTER', 'footage plays only in a browser session, not with an API token');
      const granted = await grants.forRedaction(actor, clipId);
      if (!granted.ok) return granted;
      const audited = await inTransaction(store, (repos) =>
        recordAudit(repos, clock, actor, 'redaction.previewed', subject(clipId), {
          rightsRequestId: requestId,
          requestId: granted.value.viewingRequestId,
          grantId: granted.value.grantId,
        }),
      );
      if (!audited.ok) return audited;
      return granted.value.plaintext();
    },

    /**
     * Deletes copies past their seven days or of closed requests: a timer runs it for all, and the
     * closing of a request for its own (`requestId`) at once.
     */
    sweep: async (requestId?: string): Promise<number> => {
      let deleted = 0;
      await store.transaction(async (repos) => {
        const now = clock.now().getTime();
        for (const j of await repos.redactions.withCopy()) {
          if (requestId !== undefined && j.requestId !== requestId) continue;
          const req = await repos.requests.get(j.requestId);
          const end = copyEnd(
            { expiresAt: j.copyExpiresAt === null ? 0 : Date.parse(j.copyExpiresAt) },
            now,
            req === undefined || req.status === 'closed',
          );
          if (end === null) continue;
          // Another live instance deletes its own copy (it hears the same close and runs the same
          // sweep); only a holder gone for an hour past the copy's end is ended here, on the record.
          const mine = here(j) || heldByEarlierRun(j.heldBy, self);
          const endedAt =
            end === 'expired' ? Date.parse(j.copyExpiresAt ?? '') : Date.parse(req?.closedAt ?? '');
          if (!mine && !(now - (Number.isNaN(endedAt) ? now : endedAt) > HOLDER_GONE_MS)) continue;
          if (mine) await copies.remove(j.id);
          await repos.redactions.save(copyGone(j, end));
          await recordAudit(repos, clock, SYSTEM, 'redaction.copy-deleted', subject(j.clipId), {
            rightsRequestId: j.requestId,
            reason: end,
          });
          deleted += 1;
        }
      });
      return deleted;
    },

    /** After a restart: running steps were cut off, and no copy can be read (its key is gone). */
    restarted: async (): Promise<void> => {
      // Alone, every copy was this process's; with several instances only an earlier run's.
      const earlier = (j: RedactionJobRecord) => heldByEarlierRun(j.heldBy, self);
      if (self.alone) await copies.clear();
      await store.transaction(async (repos) => {
        for (const j of await repos.redactions.inStates(['detecting', 'rendering'])) {
          if (running.has(j.id) || !earlier(j)) continue;
          await repos.redactions.save({
            ...j,
            state: 'failed',
            errorCode: null,
            errorMessage: 'interrupted by a restart',
            updatedAt: nowIso(),
          });
          await recordAudit(repos, clock, SYSTEM, 'redaction.failed', subject(j.clipId), {
            rightsRequestId: j.requestId,
            stage: j.state === 'detecting' ? 'detect' : 'render',
            code: 'restart',
          });
        }
        for (const j of await repos.redactions.withCopy()) {
          if (!earlier(j)) continue;
          if (!self.alone) await copies.remove(j.id);
          await repos.redactions.save(copyGone(j, 'restart'));
          await recordAudit(repos, clock, SYSTEM, 'redaction.copy-deleted', subject(j.clipId), {
            rightsRequestId: j.requestId,
            reason: 'restart',
          });
        }
      });
    },

    /** Waits for the background steps (tests), or stops them (shutdown). */
    settled: async (): Promise<void> => {
      await Promise.all([...running.values()].map((r) => r.done));
    },
    stop: async (): Promise<void> => {
      for (const r of running.values()) r.abort.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
};

export type RedactionService = ReturnType<typeof redactionService>;
