/**
 * The viewing API's types for the footage screens, from the server's schemas (api-types.ts), and
 * the limits of a request's reason as the screens check them before sending.
 */
export {
  LEGAL_GROUNDS,
  PURPOSES,
  REQUEST_STATES,
  type FootageEvent,
  type LegalGround,
  type Play,
  type Purpose,
  type RequestState,
  type ViewingRequest,
  type ViewingRequestBody,
} from '../api-types.js';

/** A reason must say something (the contract: 10 to 2000 characters). */
export const REASON_MIN = 10;
export const REASON_MAX = 2000;
