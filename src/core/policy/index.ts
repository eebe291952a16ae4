/** Public API of the policy core (pure). */
export {
  compile,
  inForce,
  roomPolicy,
  type AssessmentRecord,
  type CompiledPolicy,
  type PolicyEntry,
  type RecordingMode,
  type RoomPolicy,
} from './policy.js';
export { decide, inWindows, localTime, type Conversation, type Decision } from './decide.js';
export {
  CONDITION_CLASS,
  blockingConditions,
  describeConditions,
  enforcedAudio,
  enforcedRetentionHours,
  type ConditionClass,
} from './conditions.js';
export { resolveInstant, startOfLocalDay } from './local-date.js';
export { roomBases, type PublicBasis } from './public-basis.js';
