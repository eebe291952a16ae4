import type { Result } from '../core/result.js';
import type { Actor } from './ports.js';
import type { ClipRecord } from './recording-ports.js';
export interface CustodyStep {
  readonly step: 'requested' | 'approved' | 'granted' | 'exported';
  readonly byId: string;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}
export interface GrantedFootage {
  readonly grantId: string;
  readonly requestId: string;
  readonly clip: ClipRecord;
  readonly reason: string;
  readonly legalGround: string;
  readonly policeReport: string | null;
  readonly custody: readonly CustodyStep[];
  /** The clip's plaintext fMP4 (init segment, then every fragment), decrypted with the grant's file keys. */
  plaintext(): AsyncIterable<Buffer>;
}
export interface EvidenceSource {
  /** Refused unless the grant is live, belongs to `actor`, and its request named export. Does not audit (the export does). */
  forExport(grantId: string, actor: Actor): Promise<Result<GrantedFootage>>;
}
