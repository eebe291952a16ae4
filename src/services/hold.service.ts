/**
 * Legal holds on clips and the hold maximum (issue 10 §3). Placing, extending and releasing a hold
 * each validate, store and audit in one transaction under the clip's lock (so the retention sweep,
 * which takes the same lock, never deletes a clip a hold was just placed on). Audit subject
 * `clip:<clipId>`, actions `clip.hold.placed|extended|released`; the maximum is the setting
 * `footage.holdMaxDays`, changed only by the privacy officer (`footage.hold-policy`).
 */
import {
  HOLD_MAX_DAYS_SETTING,
  checkHoldMaxDays,
  heldUntil,
  holdMaxDaysOf,
  holdState,
  planExtension,
  planPlacement,
  planRelease,
  type HoldState,
  type LegalHold,
  type PlacementInput,
} from '../core/recording/holds.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import { actorId, type Actor, type Clock, type IdGenerator } from './ports.js';
import type { ClipRecord, RecordingRepositories, RecordingStore } from './recording-ports.js';
import { actorServesAllSites, actorServesSite, siteLimited } from './site-scope.js';
import { inTransaction } from './transaction.js';

export interface HoldView extends LegalHold {
  readonly state: HoldState;
}

export interface HoldServiceDeps {
  readonly store: RecordingStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A clip with whether a live hold keeps it, and until when the last live hold runs. */
export type HeldClip = ClipRecord & { readonly held: boolean; readonly heldUntil: string | null };

export const holdService = ({ store, clock, ids }: HoldServiceDeps) => {
  const now = () => clock.now();
  const view = (h: LegalHold): HoldView => ({ ...h, state: holdState(h, now()) });
  const maxDaysIn = async (repos: RecordingRepositories) =>
    holdMaxDaysOf(await repos.settings.get(HOLD_MAX_DAYS_SETTING));

  /** The clip, locked, within the actor's sites (else 404 as for an unknown id). */
  const clipOf = async (repos: RecordingRepositories, actor: Actor, clipId: string) => {
    await repos.holds.lockClip(clipId);
    const c = await repos.clips.get(clipId);
    if (c === undefined || !actorServesSite(actor, c.siteId))
      return unwrap(err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { clipId }));
    return c;
  };

  /** A hold and its clip (locked), within the actor's sites. */
  const holdOf = async (repos: RecordingRepositories, actor: Actor, holdId: string) => {
    const first = await repos.holds.get(holdId);
    const c =
      first === undefined ? undefined : await clipOf(repos, actor, first.clipId).catch(() => undefined);
    // Read again under the clip's lock: a concurrent release or extension has committed by now.
    const h = c === undefined ? undefined : await repos.holds.get(holdId);
    if (h === undefined || c === undefined)
      return unwrap(err('HOLD.NOT_FOUND', `hold ${holdId} does not exist`, { holdId }));
    return { hold: h, clip: c };
  };

  return {
    maxDays: async () => maxDaysIn(store.read),

    /** The holds of a clip, newest last, with their state now. */
    holdsOf: async (viewer: Actor, clipId: string): Promise<Result<HoldView[]>> => {
      const c = await store.read.clips.get(clipId);
      if (c === undefined || !actorServesSite(viewer, c.siteId))
        return err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { clipId });
      return ok((await store.read.holds.forClip(clipId)).map(view));
    },

    /** Clips with `held` and `heldUntil`, in one query for all of them. */
    withHolds: async (clips: readonly ClipRecord[]): Promise<HeldClip[]> => {
      const live = await store.read.holds.liveUntil(
        clips.map((c) => c.id),
        now().toISOString(),
      );
      return clips.map((c) => ({ ...c, held: live.has(c.id), heldUntil: live.get(c.id) ?? null }));
    },

    place: (actor: Actor, clipId: string, input: PlacementInput) =>
      inTransaction(store, async (repos) => {
        const c = await clipOf(repos, actor, clipId);
        if (c.status === 'deleted')
          unwrap(err('HOLD.CLIP_DELETED', `clip ${clipId} was deleted at ${c.deletedAt ?? '?'}`, { clipId }));
        const maxDays = await maxDaysIn(repos);
        const p = unwrap(planPlacement(input, { now: now(), maxDays }));
        const hold: LegalHold = {
          id: ids.newId(),
          clipId,
          reason: p.reason,
          policeReport: p.policeReport,
          until: p.until,
          placedBy: actorId(actor),
          placedAt: now().toISOString(),
          extendedAt: null,
          extendedBy: null,
          extensionReason: null,
          beyondMaximum: false,
          releasedAt: null,
          releasedBy: null,
          releaseReason: null,
        };
        await repos.holds.insert(hold);
        await recordAudit(repos, clock, actor, 'clip.hold.placed', `clip:${clipId}`, {
          holdId: hold.id,
          reason: hold.reason,
          policeReport: hold.policeReport,
          until: hold.until,
          maxDays,
        });
        return view(hold);
      }),

    extend: (actor: Actor, holdId: string, input: { until: string; reason: string }) =>
      inTransaction(store, async (repos) => {
        const { hold } = await holdOf(repos, actor, holdId);
        const maxDays = await maxDaysIn(repos);
        const p = unwrap(planExtension(hold, input, { now: now(), maxDays }));
        const extended: LegalHold = {
          ...hold,
          until: p.until,
          extendedAt: now().toISOString(),
          extendedBy: actorId(actor),
          extensionReason: p.reason,
          beyondMaximum: hold.beyondMaximum || p.beyondMaximum,
        };
        await repos.holds.update(extended);
        await recordAudit(repos, clock, actor, 'clip.hold.extended', `clip:${hold.clipId}`, {
          holdId,
          reason: p.reason,
          from: hold.until,
          until: p.until,
          beyondMaximum: p.beyondMaximum,
          maxDays,
        });
        return view(extended);
      }),

    release: (actor: Actor, holdId: string, reason: string) =>
      inTransaction(store, async (repos) => {
        const { hold } = await holdOf(repos, actor, holdId);
        const p = unwrap(planRelease(hold, { reason }, now()));
        const released: LegalHold = {
          ...hold,
          releasedAt: now().toISOString(),
          releasedBy: actorId(actor),
          releaseReason: p.reason,
        };
        await repos.holds.update(released);
        const others = heldUntil(
          (await repos.holds.forClip(hold.clipId)).filter((h) => h.id !== holdId),
          now(),
        );
        await recordAudit(repos, clock, actor, 'clip.hold.released', `clip:${hold.clipId}`, {
          holdId,
          reason: p.reason,
          until: hold.until,
          stillHeldUntil: others,
        });
        return view(released);
      }),

    /** The privacy officer sets the hold maximum (days); organisation-wide, so for someone serving every site. */
    setMaxDays: (actor: Actor, maxDays: unknown) =>
      inTransaction(store, async (repos) => {
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const days = unwrap(checkHoldMaxDays(maxDays));
        const before = await maxDaysIn(repos);
        await repos.settings.put(
          HOLD_MAX_DAYS_SETTING,
          days,
          now().toISOString(),
          actor.kind === 'user' ? actor.username : actor.name,
        );
        await recordAudit(repos, clock, actor, 'footage.hold-policy', `setting:${HOLD_MAX_DAYS_SETTING}`, {
          before,
          after: days,
        });
        return { maxDays: days };
      }),
  };
};

export type HoldService = ReturnType<typeof holdService>;
