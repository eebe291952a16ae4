/**
 * The viewing API's answers (issue 10 §2) as the browser reads them, declared here after the
 * contract (VIEWING-API.md) until the server's TypeBox schemas exist. When the server branch is
 * merged, the lead switches these to `Answer<typeof …Schema>` in web/src/api-types.ts.
 */

export type LegalGround = 'own-investigation' | 'police-report' | 'subject-access' | 'complaint';
export type Purpose = 'view' | 'export';
export type RequestState = 'pending' | 'granted' | 'refused' | 'revoked' | 'ended';

/** In the order the form offers them and the list filters by them. */
export const LEGAL_GROUNDS: readonly LegalGround[] = [
  'own-investigation',
  'police-report',
  'subject-access',
  'complaint',
];
export const PURPOSES: readonly Purpose[] = ['view', 'export'];
export const REQUEST_STATES: readonly RequestState[] = ['pending', 'granted', 'refused', 'revoked', 'ended'];

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

export interface Grant {
  readonly id: string;
  readonly grantedAt: string;
  readonly expiresAt: string;
  readonly playsLeft: number;
  readonly exportAllowed: boolean;
  readonly live: boolean;
}

export interface ViewingRequest {
  readonly id: string;
  readonly clipId: string;
  readonly incidentId: string | null;
  readonly alarmId: string | null;
  readonly siteId: string;
  readonly roomId: string;
  readonly cameraId: string;
  readonly clipStartedAt: string | null;
  readonly clipEndedAt: string | null;
  readonly requestedBy: PersonRef;
  readonly requestedAt: string;
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly policeReport: string | null;
  readonly purposes: readonly Purpose[];
  readonly state: RequestState;
  readonly threshold: number;
  readonly approvals: readonly { readonly by: PersonRef; readonly at: string }[];
  readonly refusal: { readonly by: PersonRef; readonly at: string; readonly reason: string } | null;
  /** Custodians still able to approve (enabled, holding a current share, not already approved). */
  readonly awaiting: readonly PersonRef[];
  readonly grant: Grant | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
}

/** The body of POST /api/footage/requests. */
export interface ViewingRequestBody {
  readonly clipId: string;
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly purposes: readonly Purpose[];
  readonly policeReport?: string;
}

/** POST /api/footage/grants/:id/plays. */
export interface Play {
  readonly url: string;
  readonly expiresAt: string;
  readonly playsLeft: number;
  readonly viewer: { readonly displayName: string };
  readonly clip: {
    readonly roomName: string;
    readonly cameraName: string;
    readonly startedAt: string | null;
    readonly endedAt: string | null;
  };
}

/** One line of an incident's or clip's footage history (GET /api/footage/history). */
export interface FootageEvent {
  readonly at: string;
  readonly clipId: string;
  readonly action: string;
  readonly actor: PersonRef | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly auditSeq: number;
}

/** Limits of a request's reason, as the server checks them. */
export const REASON_MIN = 10;
export const REASON_MAX = 2000;
