/** The texts of four-eyes viewing (issue 10 §2) in English; typed against the Dutch table. */
import type { FootageTexts } from './footage-nl.js';

export const footageEn: FootageTexts = {
  title: 'Footage access',
  intro:
    'Requests to view recorded footage. A request has a reason and a legal ground. The footage opens only when enough custodians of the vault key approve with their passphrase, at least one of whom is not the requester. Every step and every play is in the audit log.',
  awaitingMe: 'Awaiting your approval',
  awaitingMeNone: 'No request is awaiting your approval.',
  awaitingMeCount: (n) =>
    n === 1
      ? '1 footage request is awaiting your approval.'
      : `${n} footage requests are awaiting your approval.`,
  allRequests: 'All requests',
  filters: 'Filter',
  state: 'State',
  allStates: 'All states',
  apply: 'Show',
  caption: 'Footage requests, newest first',
  awaitingCaption: 'Requests awaiting your approval',
  empty: 'No requests found.',
  requestedAt: 'Requested',
  requestedBy: 'Requester',
  room: 'Interview room',
  clipTime: 'Time of the recording',
  legalGround: 'Legal ground',
  approvals: 'Approvals',
  approvalsCount: (n, k) => `${n} of ${k}`,
  openRequest: (who, when) => `Request by ${who}, ${when}`,
  states: {
    pending: 'awaiting approval',
    granted: 'approved',
    refused: 'refused',
    revoked: 'revoked',
    ended: 'ended',
  },
  grounds: {
    'own-investigation': {
      label: 'Own investigation',
      explain:
        'The organisation investigates the incident itself, for example to take measures or to check the report.',
    },
    'police-report': {
      label: 'Police report',
      explain:
        'A report was filed with the police and the police ask for the footage. Enter the report number. Only with this ground can footage be handed over.',
    },
    'subject-access': {
      label: 'Subject access request',
      explain: 'Someone who is in the footage asks to see their data (GDPR art. 15).',
    },
    complaint: {
      label: 'Complaint',
      explain: 'A complaint about the incident or how it was handled is being investigated.',
    },
  },
  purposes: {
    view: { label: 'View', explain: 'Play in the browser, with your name in the picture.' },
    export: {
      label: 'Hand over to the police (export)',
      explain: 'A signed copy of the footage; only with the ground police report.',
    },
  },

  detailTitle: 'Footage request',
  back: 'Back to all requests',
  reason: 'Reason',
  policeReport: 'Police report number',
  purposesLabel: 'Purpose',
  clip: 'Recording',
  incident: 'Incident',
  openIncident: 'To the incident',
  approvedBy: (who, when) => `${who}, ${when}`,
  noApprovals: 'No approvals yet.',
  threshold: (k) => `Needed: ${k} custodians of the vault key, at least one of whom is not the requester.`,
  awaiting: 'Can still approve',
  awaitingNobody: 'No custodian left.',
  refusedBy: (who, when, reason) => `Refused by ${who}, ${when}: ${reason}`,
  endedBecause: (when, reason) => `Ended on ${when}${reason ? ` (${reason})` : ''}.`,
  endReasons: {
    restart: 'the server restarted',
    expired: 'the time ran out',
    expiry: 'the time ran out',
    'plays-used': 'all plays were used',
    logout: 'the requester logged out',
    revoked: 'revoked',
  },
  grantLive: (until, plays) => `The requester may view the footage until ${until}; ${plays} plays left.`,
  grantOver: 'The permission to view has ended.',
  watch: 'View',

  exportTitle: 'Evidence export for the police',
  exportIntro: [
    'You get one ZIP file: the original recording (clip.mp4), a manifest with the case, the camera, the room, the time and the chain of custody (who asked, who approved, who exported), a cover sheet (PDF) and a readme.',
    "The package is signed with the organisation's key. Any change to a file shows when it is verified.",
    'The export is recorded in the audit log and appears in the footage history below.',
    'The police verify the package with "proportio export verify" and the fingerprint of the organisation\'s public key, shown on every room\'s transparency page and at /api/public/evidence-key.',
  ],
  exportRecipient: "Recipient's public age key (optional)",
  exportRecipientHint:
    'Starts with age1. If you fill it in, the package is encrypted and only the recipient can open it.',
  exportButton: 'Download evidence export',
  exportedNotice: (file: string) =>
    `The evidence export was downloaded as ${file} and recorded in the audit log.`,

  approveTitle: 'Approve with your passphrase',
  approveIntro:
    'Your passphrase opens your share of the vault key. The share stays only in the server’s memory, for at most 30 minutes, and is never stored.',
  passphrase: 'Passphrase',
  approve: 'Approve',
  approvedNotice: 'Your approval is recorded. The request still awaits another custodian.',
  grantedNotice: 'Approved: the requester can view the footage now.',
  refuseOpen: 'Refuse',
  refuseTitle: 'Refuse the request',
  refuseReason: 'Reason for refusing',
  refuse: 'Confirm refusal',
  refusedNotice: 'The request was refused.',
  revokeOpen: 'Revoke',
  revokeTitle: 'Revoke the request or permission',
  revokeReason: 'Reason for revoking',
  revoke: 'Confirm revocation',
  revokedNotice: 'Revoked. The permission’s keys have been wiped.',

  viewerTitle: 'View footage',
  viewerIntro:
    'The footage can only be viewed here, not downloaded. Your name and the time are in the picture; every play is in the audit log.',
  preparing: 'Preparing playback…',
  confidential: 'Confidential',
  videoLabel: (room, camera) => `Recording from ${room}, camera ${camera}`,
  playsLeft: (n) => (n === 1 ? '1 play left' : `${n} plays left`),
  expiresAt: (when) => `Permission until ${when}`,
  ended:
    'This permission has ended: the time ran out, all plays were used, or it was revoked. Request access again if you need to see the footage once more.',
  videoFailed: 'The footage could not be played. The link is valid only briefly; open the footage again.',
  playAgain: 'Play again',
  backToRequests: 'To the footage requests',

  sectionTitle: 'Footage',
  clipsCaption: 'Recordings of this incident',
  noClips: 'No footage was recorded for this incident.',
  clipStatus: 'State',
  clipStatuses: {
    recording: 'recording',
    sealed: 'kept encrypted',
    failed: 'failed',
    interrupted: 'interrupted',
    deleted: 'deleted',
  },
  retentionUntil: 'Kept until',
  requestOpen: 'Request access',
  requestOpenFor: (when) => `Request access: recording of ${when}`,
  requestTitle: (when) => `Request access: recording of ${when}`,
  reasonHint:
    'Why do you need to see this footage? Do not write the resident’s name or other details. At least 10 characters.',
  legalGroundLegend: 'Legal ground',
  policeReportHint: 'The number the police gave the report.',
  purposesLegend: 'What do you want to do with the footage?',
  submitRequest: 'Submit request',
  requestedNotice: 'The request was submitted. It awaits the custodians’ approval.',
  reasonTooShort: (n) => `Write at least ${n} characters.`,
  purposeRequired: 'Choose at least one purpose.',
  exportNeedsPolice: 'Handing over is only possible with the ground police report.',
  notes: 'Notes about the recording',

  historyTitle: 'Footage history',
  historyIntro: 'Everything that happened to this incident’s footage, from the audit log.',
  historyCaption: 'Footage history, oldest first',
  historyEmpty: 'Nothing has happened to the footage yet.',
  at: 'When',
  what: 'What',
  auditSeq: 'Audit log no.',
  system: 'the system',
  events: {
    requested: (who, ground) => `Access requested by ${who}${ground ? ` (legal ground: ${ground})` : ''}`,
    approved: (who) => `Approved by ${who}`,
    refused: (who, reason) => `Refused by ${who}${reason ? `: ${reason}` : ''}`,
    granted: (until) => `Permission granted${until ? ` until ${until}` : ''}`,
    played: (who) => `Viewed by ${who}`,
    revoked: (who, reason) => `Revoked by ${who}${reason ? `: ${reason}` : ''}`,
    ended: (reason) => `Permission ended${reason ? ` (${reason})` : ''}`,
    holdPlaced: (who, until, report) =>
      `Legal hold placed by ${who}${until ? ` until ${until}` : ''}${report ? ` (police report ${report})` : ''}`,
    holdExtended: (who, until) => `Legal hold extended by ${who}${until ? ` until ${until}` : ''}`,
    holdReleased: (who, reason) => `Legal hold released by ${who}${reason ? `: ${reason}` : ''}`,
    exported: (who) => `Handed over (export) by ${who}`,
    deleted: (reason) => `Deleted${reason ? ` (${reason})` : ''}`,
    recordingStarted: 'Recording started',
    recordingExtended: 'Recording extended (the alarm button was pressed again)',
    sealed: 'Recording sealed, encrypted',
    failed: 'Recording failed',
    recovered: 'Recording recovered after a restart',
    decryptStarted: (who) => `Decryption started by ${who} (command line)`,
    decrypted: (who) => `Decrypted by ${who} (command line)`,
    other: (action, who) => `${action} by ${who}`,
  },
  deletedReasons: {
    retention: 'retention period over',
    erasure: 'erasure request',
    objection: 'objection',
  },

  errors: {
    'FOOTAGE.NOT_CUSTODIAN': 'You are not a custodian of the vault key and cannot approve this request.',
    'FOOTAGE.ALREADY_APPROVED': 'You have already approved this request. Another custodian must do so now.',
    'FOOTAGE.OWN_REQUEST_NEEDS_OTHER':
      'This is your own request: a custodian who is not the requester must approve first. After that you can approve second.',
    'FOOTAGE.REASON_INVALID':
      'Give a reason of 10 to 2000 characters and choose at least one purpose (a reason for refusing or revoking: at least 3 characters).',
    'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT': 'Handing over is only possible with the ground police report.',
    'FOOTAGE.SHARE_SEALED_TO_KEY':
      'Your share of the vault key is locked to an age key, not a passphrase. Approve on the command line: proportio footage approve ID --share FILE --identity KEY.',
    'FOOTAGE.SHARE_MISMATCH': 'This is not your share of the vault key, or it belongs to an earlier split.',
    'CUSTODY.SHARE_INVALID': 'This is not a share of a Proportio vault key.',
    'FOOTAGE.WRONG_PASSPHRASE': 'The passphrase is wrong. Try again.',
    'FOOTAGE.TOO_MANY_ATTEMPTS': 'Too many wrong passphrases. Wait 15 minutes before trying again.',
    'FOOTAGE.REQUEST_CLOSED': 'This request has already been settled (approved, refused, revoked or ended).',
    'FOOTAGE.GRANT_ENDED':
      'The permission has ended: the time ran out, all plays were used, or it was revoked.',
    'FOOTAGE.NOT_REQUESTER':
      'Only the requester can view this footage, in the session the permission was for.',
    'FOOTAGE.POLICE_REPORT_REQUIRED': 'Enter the police report number.',
    'FOOTAGE.CLIP_NOT_SEALED': 'This recording is not (or no longer) kept encrypted and cannot be opened.',
    'EVIDENCE.RECIPIENT_INVALID': 'This is not a public age key. It starts with age1.',
    'EVIDENCE.CLIP_UNREADABLE': 'The recording could not be read in full. Nothing was exported.',
    'EVIDENCE.KEY_UNREADABLE': "The organisation's signing key cannot be read. Contact the administrator.",
    'CUSTODY.NOT_SET_UP':
      'The vault has no custodians yet. The administrator must first split the key (proportio vault custody).',
  },
};
