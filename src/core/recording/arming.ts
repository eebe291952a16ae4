/**
 * Whether each camera records, as pure decisions, so the rules read as tables (arming.test.ts).
 *
 * planCameras(): from the newest compiled policy, the running conversations and the switches (an
 * administrator disabled the camera, a suspension, a resident's objection) to what each camera may
 * do now (decide() for its room) and, when nothing, why not.
 *
 * armingActions(): from those plans, the cameras the recorder runs and the switches that committed
 * after the plan was read, to what the recorder does with each camera:
 * - an objection or suspension stops the camera at once, clip or not (the clip is cut, and its
 *   incident is told so);
 * - recording no longer permitted (policy off, conversation ended, camera disabled): an incident
 *   clip being recorded finishes its post-roll (drain), anything else stops at once;
 * - other settings (a new assessment version: pre-/post-roll, audio, mode, source): a clip in
 *   progress finishes under the rules it started with, then the camera restarts with the new ones;
 * - otherwise the camera keeps running with the newer links (conversation, policy version).
 *
 * stillWanted(): which open alarms still want footage after a restart.
 */
import type { ErrorCode } from '../errors.js';
import { decide, offDecision, type Decision } from '../policy/decide.js';
import type { CompiledPolicy } from '../policy/policy.js';
import type { Camera } from '../registry/model.js';

/** Why a camera is not armed; each becomes the wording of an incident's "no footage" note. */
export type OffReason =
  | { readonly kind: 'camera-disabled'; readonly message: string; readonly since: string }
  | { readonly kind: 'suspended'; readonly message: string; readonly since: string }
  | { readonly kind: 'objection'; readonly message: string }
  | { readonly kind: 'policy-off'; readonly message: string };

/** What the recorder reads before it plans: the stored policy, conversations and switches. */
export interface RecordingWorld {
  /** Cameras not removed (a disabled one is planned "off", never armed). */
  readonly cameras: readonly Camera[];
  readonly rooms: readonly { readonly id: string; readonly siteId: string }[];
  /** The newest compiled policy; undefined when none was ever compiled (then nothing records). */
  readonly policy: CompiledPolicy | undefined;
  readonly conversations: readonly {
    readonly id: string;
    readonly roomId: string;
    readonly conversationTypeId: string;
    readonly startedAt: string;
    readonly riskFlag: boolean;
  }[];
  /** Objections recorded for the running conversations. */
  readonly objections: readonly { readonly conversationId: string }[];
  /** Suspensions not lifted yet. */
  readonly suspensions: readonly {
    readonly scope: 'site' | 'organisation';
    readonly siteId: string | null;
    readonly suspendedAt: string;
  }[];
}

/** What one camera should do now (before credentials are filled in). */
export interface PlannedCamera {
  readonly camera: Camera;
  readonly siteId: string;
  readonly conversationId: string | null;
  readonly decision: Decision;
  /** null: the policy says record (the recorder still refuses without a vault key or ffmpeg). */
  readonly off: OffReason | null;
}

/** No policy was ever compiled: nothing may be recorded anywhere. */
const NO_POLICY: Decision = offDecision('no-policy', 'no policy has been compiled yet');

/** Cameras whose room is gone are not planned at all (the recorder stops them). */
export const planCameras = (w: RecordingWorld, now: Date): PlannedCamera[] =>
  w.cameras.flatMap((camera) => {
    const room = w.rooms.find((x) => x.id === camera.roomId);
    if (room === undefined) return [];
    const conversation = w.conversations.find((c) => c.roomId === room.id);
    const objected =
      conversation !== undefined && w.objections.some((o) => o.conversationId === conversation.id);
    const decision =
      w.policy === undefined
        ? NO_POLICY
        : decide(
            w.policy,
            room.id,
            conversation && {
              conversationTypeId: conversation.conversationTypeId,
              startedAt: conversation.startedAt,
              riskFlag: conversation.riskFlag,
              objection: objected,
            },
            now,
          );
    const suspension =
      w.suspensions.find((s) => s.scope === 'organisation') ??
      w.suspensions.find((s) => s.scope === 'site' && s.siteId === room.siteId);
    let off: OffReason | null = null;
    // An administrator's choice, not a fault: the note says so and health stays quiet.
    if (camera.disabledAt !== null)
      off = {
        kind: 'camera-disabled',
        since: camera.disabledAt,
        message: `no footage: camera disabled by an administrator since ${camera.disabledAt}`,
      };
    else if (suspension !== undefined)
      off = {
        kind: 'suspended',
        since: suspension.suspendedAt,
        message: `no footage: recording suspended (${suspension.scope === 'organisation' ? 'whole organisation' : 'this site'}) since ${suspension.suspendedAt}`,
      };
    else if (objected)
      off = {
        kind: 'objection',
        message: 'no footage: recording switched off for this conversation after an objection',
      };
    else if (decision.mode.kind === 'off')
      off = {
        kind: 'policy-off',
        message: `no footage: recording is not permitted here now (${decision.reason})`,
      };
    return [{ camera, siteId: room.siteId, conversationId: conversation?.id ?? null, decision, off }];
  });

/** Why recording cannot run anywhere right now (fail closed), with the adapter's error code. */
export interface Blocker {
  readonly kind: 'vault-key-missing' | 'vault-disk-full' | 'ffmpeg-missing';
  /** VAULT.KEY_MISSING, VAULT.KEY_INVALID or why the vault folder failed; RECORDING.FFMPEG_*. */
  readonly code: ErrorCode;
  readonly message: string;
}

/** What keeps a camera from being armed: a switch, the policy, or recording refused everywhere. */
export type OffKind = OffReason['kind'] | Blocker['kind'];

/** Where an objection or suspension forbids recording, until a plan made after it shows it. */
export type DenyScope =
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'site'; readonly siteId: string }
  | { readonly kind: 'all' };

export const inScope = (s: DenyScope, p: Pick<PlannedCamera, 'camera' | 'siteId'>): boolean =>
  s.kind === 'all' || (s.kind === 'room' ? p.camera.roomId === s.roomId : p.siteId === s.siteId);

export type CameraMode = 'off' | 'incident' | 'continuous';

export const modeOf = (d: Decision): CameraMode =>
  d.mode.kind === 'incident-triggered' ? 'incident' : d.mode.kind === 'continuous' ? 'continuous' : 'off';

/** The plan lets the camera record: no switch, a recording mode, and a retention to seal with. */
export const permits = (p: Pick<PlannedCamera, 'off' | 'decision'>): boolean =>
  p.off === null && modeOf(p.decision) !== 'off' && p.decision.retentionHours !== undefined;

/** What forces a restart when it changes: source, audio, mode and buffer lengths. */
export const settingsKey = (p: { readonly sourceUrl: string; readonly decision: Decision }): string => {
  const m = p.decision.mode;
  return JSON.stringify([
    p.sourceUrl,
    p.decision.audioAllowed,
    m.kind,
    m.kind === 'incident-triggered' ? [m.preRollSeconds, m.postRollSeconds] : null,
  ]);
};

export type CameraAction =
  /** Start ffmpeg and a memory ring. */
  | 'arm'
  /** Not armed, and stays so. */
  | 'stay-off'
  /** Same process; newer links (conversation, policy version) for the next clip. */
  | 'keep'
  /** Let the incident clip being recorded finish its post-roll, begin nothing more, then stop. */
  | 'drain'
  /** Stop now: ring purged, a clip in progress cut. */
  | 'disarm'
  /** Stop now and arm again with the new settings. */
  | 'restart'
  /** Stop now and arm again, sealing to the new vault recipient. */
  | 'restart-new-vault'
  /** The clip in progress finishes under its own rules; then the camera restarts with the new ones. */
  | 'restart-after-clip';

export interface CameraSituation {
  /** The camera is still in the plan (it exists and its room does). */
  readonly planned: boolean;
  /** No vault key or no ffmpeg: nothing may run. */
  readonly blocked: boolean;
  /** An objection or suspension (in the plan or committed after it was read). */
  readonly switchedOff: boolean;
  /** The plan does not permit recording here now (or gives no retention). */
  readonly notPermitted: boolean;
  /** What ffmpeg runs with for this camera now; null when it is not armed. */
  readonly running: {
    readonly mode: 'incident' | 'continuous';
    /** The vault handle the camera seals to was replaced (a new recipient). */
    readonly vaultChanged: boolean;
    /** Source, audio, mode or roll lengths differ from the plan's. */
    readonly settingsChanged: boolean;
    /** A clip is being recorded now. */
    readonly recording: boolean;
    /** A clip is being recorded, or an open alarm still wants footage (the next keyframe begins one). */
    readonly footageWanted: boolean;
  } | null;
}

export const cameraAction = (s: CameraSituation): CameraAction => {
  const r = s.running;
  const mayRecord = s.planned && !s.blocked && !s.switchedOff && !s.notPermitted;
  if (r === null) return mayRecord ? 'arm' : 'stay-off';
  if (!s.planned || s.blocked || s.switchedOff) return 'disarm';
  if (r.vaultChanged) return mayRecord ? 'restart-new-vault' : 'disarm';
  if (s.notPermitted) return r.recording && r.mode === 'incident' ? 'drain' : 'disarm';
  if (r.settingsChanged) return r.footageWanted && r.mode === 'incident' ? 'restart-after-clip' : 'restart';
  return 'keep';
};

/** What the recorder runs for one camera, as far as the decision needs it. */
export interface RunningCamera {
  readonly cameraId: string;
  /** settingsKey() of the plan it was armed with. */
  readonly settings: string;
  readonly mode: 'incident' | 'continuous';
  readonly vaultChanged: boolean;
  readonly recording: boolean;
  readonly footageWanted: boolean;
}

export interface ArmingInput {
  readonly plans: readonly (PlannedCamera & { readonly sourceUrl: string })[];
  readonly running: readonly RunningCamera[];
  /** Objections and suspensions that committed after the plan was read (it cannot show them). */
  readonly denied: readonly DenyScope[];
  /** No vault key or no ffmpeg. */
  readonly blocked: boolean;
}

export interface CameraStep {
  readonly cameraId: string;
  readonly action: CameraAction;
}

/** One step per camera: the running ones first (in the order given), then the planned rest. */
export const armingActions = (input: ArmingInput): CameraStep[] => {
  const situation = (
    p: ArmingInput['plans'][number] | undefined,
    running: CameraSituation['running'],
  ): CameraSituation => ({
    planned: p !== undefined,
    blocked: input.blocked,
    switchedOff:
      p !== undefined &&
      (input.denied.some((d) => inScope(d, p)) || p.off?.kind === 'suspended' || p.off?.kind === 'objection'),
    notPermitted: p === undefined || !permits(p),
    running,
  });
  const byId = new Map(input.plans.map((p) => [p.camera.id, p]));
  const steps = input.running.map((r): CameraStep => {
    const p = byId.get(r.cameraId);
    const now = {
      mode: r.mode,
      vaultChanged: r.vaultChanged,
      settingsChanged: p !== undefined && settingsKey(p) !== r.settings,
      recording: r.recording,
      footageWanted: r.footageWanted,
    };
    return { cameraId: r.cameraId, action: cameraAction(situation(p, now)) };
  });
  const running = new Set(input.running.map((r) => r.cameraId));
  for (const p of input.plans)
    if (!running.has(p.camera.id))
      steps.push({ cameraId: p.camera.id, action: cameraAction(situation(p, null)) });
  return steps;
};

export interface OpenAlarm {
  readonly alarmId: string;
  readonly roomId: string;
  /** The last press joined into the alarm (ISO); its post-roll runs from here. */
  readonly lastPressAt: string;
}

/**
 * After a restart: the open alarms of a room whose post-roll (under the policy in force now) has
 * not ended at `now`, with the wall ms until which they want footage.
 */
export const stillWanted = (
  alarms: readonly OpenAlarm[],
  postRollSeconds: number,
  now: number,
): { alarm: OpenAlarm; lastPressMs: number; until: number }[] =>
  alarms.flatMap((alarm) => {
    const lastPressMs = Date.parse(alarm.lastPressAt);
    if (Number.isNaN(lastPressMs)) return [];
    const until = lastPressMs + postRollSeconds * 1000;
    return until > now ? [{ alarm, lastPressMs, until }] : [];
  });
