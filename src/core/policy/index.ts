/** Public API of the policy core (pure). */
export { compile, inForce, roomPolicy, type AssessmentRecord, type CompiledPolicy, type PolicyEntry, type RecordingMode, type RoomPolicy } from './policy.js';
export { decide, inWindows, localTime, type Conversation, type Decision } from './decide.js';
