/**
 * Error codes of recorder agents (issue 13 §2, ADR 0015). Merged into src/core/errors.ts; kept in
 * their own file so parallel branches merge cleanly.
 */
import { conflict, notFound, unauthenticated, unprocessable, type ErrorTable } from '../error-kinds.js';

export const AGENT_ERRORS = {
  'AGENT.NOT_FOUND': notFound('No such recorder agent'),
  'AGENT.CODE_INVALID': unauthenticated('The enrolment code is unknown, already used or expired'),
  'AGENT.TOKEN_INVALID': unauthenticated('The agent token is unknown or the agent was revoked'),
  'AGENT.REVOKED': conflict('The agent is already revoked'),
  'AGENT.NAME_REQUIRED': unprocessable('An agent needs a name of 1 to 100 characters'),
  'AGENT.RECIPIENT_INVALID': unprocessable("The agent's public key is not a valid age recipient"),
  'AGENT.SITE_HAS_AGENT': conflict(
    'This site already has a recorder agent (enrolled or waiting for enrolment): revoke it first',
  ),
  'AGENT.CAMERA_ELSEWHERE': unprocessable("The camera is not at the agent's site"),
  'AGENT.PART_CONFLICT': conflict(
    'This part of the clip was already received with other contents, or an earlier part is missing',
  ),
  'AGENT.PART_INVALID': unprocessable('The part is not a sealed age file with the digest it was sent with'),
} as const satisfies ErrorTable;

export type AgentErrorCode = keyof typeof AGENT_ERRORS;
