/** Requests, plays and history lines as the viewing API answers them, for the component tests. */
import { user } from './harness.js';
import type { User } from '../api.js';
import type { FootageEvent, Play, ViewingRequest } from '../footage/types.js';

export const requester = { id: 'u-sec', displayName: 'Sanne de Vries (beveiliging)' };
export const dpo = { id: 'u-fg', displayName: 'Mr. Pieter Hoekstra (FG)' };
export const secretary = { id: 'u-sec2', displayName: 'Drs. Anouk Jansen (gemeentesecretaris)' };

/** A custodian account (the DPO) as /api/auth/me hands it out. */
export const custodianUser: User = {
  ...user,
  id: dpo.id,
  username: 'fg',
  displayName: dpo.displayName,
  roles: ['dpo'],
  custodian: true,
};
/** The requester (security), also a custodian. */
export const requesterUser: User = {
  ...user,
  id: requester.id,
  username: 'beveiliging',
  displayName: requester.displayName,
  roles: ['security', 'responder'],
  custodian: true,
};

export const viewingRequest = (over: Partial<ViewingRequest> = {}): ViewingRequest => ({
  id: 'vr-1',
  clipId: 'clip-1',
  incidentId: 'inc-1',
  alarmId: 'al-1',
  siteId: 's-1',
  roomId: 'r-1',
  cameraId: 'cam-1',
  clipStartedAt: '2026-03-02T09:04:30.000Z',
  clipEndedAt: '2026-03-02T09:06:00.000Z',
  requestedBy: requester,
  requestedAt: '2026-03-02T10:00:00.000Z',
  reason: 'Onderzoek naar de bedreiging aan de balie',
  legalGround: 'own-investigation',
  policeReport: null,
  purposes: ['view'],
  state: 'pending',
  threshold: 2,
  approvals: [],
  refusal: null,
  awaiting: [requester, dpo, secretary],
  grant: null,
  endedAt: null,
  endReason: null,
  ...over,
});

export const grantedRequest = (over: Partial<ViewingRequest> = {}): ViewingRequest =>
  viewingRequest({
    state: 'granted',
    approvals: [
      { by: dpo, at: '2026-03-02T10:05:00.000Z' },
      { by: secretary, at: '2026-03-02T10:06:00.000Z' },
    ],
    awaiting: [],
    grant: {
      id: 'g-1',
      grantedAt: '2026-03-02T10:06:00.000Z',
      expiresAt: '2026-03-02T11:06:00.000Z',
      playsLeft: 5,
      exportAllowed: false,
      live: true,
    },
    ...over,
  });

export const play = (over: Partial<Play> = {}): Play => ({
  url: '/api/footage/plays/tok-1',
  expiresAt: '2026-03-02T11:06:00.000Z',
  playsLeft: 4,
  viewer: { displayName: requester.displayName },
  clip: {
    roomName: 'Spreekkamer 1',
    cameraName: 'Camera spreekkamer 1',
    startedAt: '2026-03-02T09:04:30.000Z',
    endedAt: '2026-03-02T09:06:00.000Z',
  },
  ...over,
});

export const event = (over: Partial<FootageEvent> & Pick<FootageEvent, 'action'>): FootageEvent => ({
  at: '2026-03-02T10:00:00.000Z',
  clipId: 'clip-1',
  actor: requester,
  requestId: 'vr-1',
  details: {},
  auditSeq: 1,
  ...over,
});

/** A refusal of the API with its stable code (the detail is the server's English). */
export const problem = (status: number, code: string) => ({
  type: `urn:proportio:error:${code.toLowerCase()}`,
  title: 'Refused',
  status,
  code,
  detail: `server says ${code}`,
});
