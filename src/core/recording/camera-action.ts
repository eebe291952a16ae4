/**
 * What the recorder does with one camera when a new plan arrives, and which open alarms still
 * want footage after a restart. Pure decisions, so the rules read as tables (camera-action.test.ts):
 *
 * - an objection or suspension stops the camera at once, clip or not;
 * - recording no longer permitted (policy off, conversation ended): an incident clip in progress
 *   finishes its post-roll (drain), anything else stops at once;
 * - other settings (a new assessment version: pre-/post-roll, audio, mode, source): a clip in
 *   progress finishes under the rules it started with, then the camera restarts with the new ones;
 * - otherwise the camera keeps running with the newer links (conversation, policy version).
 */

export type CameraAction =
  'none' | 'arm' | 'keep' | 'drain' | 'stop-now' | 'restart-now' | 'restart-after-clip';

export interface CameraSituation {
  /** ffmpeg runs for this camera now. */
  readonly armed: boolean;
  /** The camera is still in the plan (it exists and its room does). */
  readonly planned: boolean;
  /** No vault key or no ffmpeg: nothing may run. */
  readonly blocked: boolean;
  /** The vault handle the camera seals to was replaced (a new recipient). */
  readonly vaultChanged: boolean;
  /** An objection or suspension (in the plan or on the deny list). */
  readonly switchedOff: boolean;
  /** The policy does not permit recording here now (or gives no retention). */
  readonly notPermitted: boolean;
  /** Source, audio, mode or roll lengths differ from what the camera runs with. */
  readonly settingsChanged: boolean;
  /** The mode the camera runs in now. */
  readonly runningMode: 'incident' | 'continuous' | null;
  /** A clip is being recorded, or an open alarm still wants footage from this camera. */
  readonly clipInProgress: boolean;
}

export const cameraAction = (s: CameraSituation): CameraAction => {
  if (!s.armed) return s.planned && !s.blocked && !s.switchedOff && !s.notPermitted ? 'arm' : 'none';
  if (!s.planned || s.blocked || s.vaultChanged || s.switchedOff) return 'stop-now';
  if (s.notPermitted) return s.clipInProgress && s.runningMode === 'incident' ? 'drain' : 'stop-now';
  if (s.settingsChanged)
    return s.clipInProgress && s.runningMode === 'incident' ? 'restart-after-clip' : 'restart-now';
  return 'keep';
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
