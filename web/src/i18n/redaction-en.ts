/** The texts of the redacted copy for a data subject (issue 12 §2) in English; typed against the Dutch table. */
import { count } from './plural.js';
import type { RedactionTexts } from './redaction-nl.js';

const seconds = (s: number) =>
  `${s.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;

export const redactionEn: RedactionTexts = {
  title: 'Make a redacted copy',
  intro:
    'A copy of footage for a resident must not show anyone else recognisably (GDPR Art. 15(4); EDPB Guidelines 3/2019, para. 129). Proportio finds the faces; you decide which face is the requester’s and stays visible. Every other face is made unrecognisable, the staff member’s too unless they consented.',
  context: (requestId, clipId) => `Request ${requestId} · clip ${clipId}`,
  backToRequest: 'Back to the request',
  smallScreen:
    'Reviewing the faces needs a bigger screen (at least 1024 pixels wide). Here you only see where things stand.',
  state: 'State',
  states: {
    none: 'Not searched yet',
    detecting: 'Searching faces',
    detected: 'Faces found, ready for review',
    rendering: 'Making the copy',
    rendered: 'Copy made',
    failed: 'Failed',
  },
  failed: (message) => `This failed: ${message}. Try again.`,
  progress: 'Progress',
  progressValue: (pct) => `${pct}%`,

  grantTitle: '1. Permission to decrypt',
  grantIntro:
    'The clip is decrypted on the server only under your own permission to view, on the ground of the access request, approved by a second custodian of the vault key (four eyes).',
  grantLive: (until) => `You have permission until ${until}.`,
  grantNone: 'You have no running permission for this clip yet.',
  grantPending: 'Your request awaits the approval of a second custodian.',
  grantOpen: 'Open the request',
  grantReason: 'Reason',
  grantReasonHint: 'For example: copy for an access request (GDPR art. 15), others made unrecognisable.',
  grantReasonDefault: 'Redacted copy for an access request of a data subject (GDPR art. 15)',
  grantRequest: 'Request permission',

  detectTitle: '2. Search faces',
  detectIntro:
    'The search runs in the background (about five frames a second); you can leave this page open or come back later.',
  detect: 'Search faces',
  detectAgain: 'Search again',

  reviewTitle: '3. Review',
  reviewIntro:
    'Play the clip and check that every face has a box. Tick which face is the requester’s. Draw a box over what the detector missed (drag over the picture) or fill in the form.',
  play: 'Play',
  pause: 'Pause',
  seekBar: 'Position in the clip',
  position: (at: string, of: string) => `${at} of ${of} seconds`,
  videoLabel: 'The clip with the faces found',
  previewFailed: 'The clip cannot be played. Check that your permission is still running.',
  timeline: 'Timeline of the faces',
  timelineCaption: 'Faces found, with the time in which they are made unrecognisable',
  face: (n) => `Face ${n.replace(/^face-/, '')}`,
  span: (from, to) => `${seconds(from)} – ${seconds(to)}`,
  columnFace: 'Face',
  columnSpan: 'Time',
  columnBar: 'On the timeline',
  columnKeep: 'Requester',
  columnConsent: 'Consent',
  columnActions: 'Actions',
  keep: (face) => `${face} is the requester (keep visible)`,
  consent: (face) => `${face} consented (keep visible)`,
  seek: 'Go to',
  seekLabel: (face) => `Go to ${face}`,
  notAFace: 'Not a face',
  notAFaceLabel: (face) => `${face} is not a face: do not make it unrecognisable`,
  restore: 'Make unrecognisable after all',
  restoreLabel: (face) => `Make ${face} unrecognisable after all`,
  resize: 'Adjust box',
  resizeLabel: (face) => `Adjust the box of ${face}`,
  noFaces: 'No faces were found. Check the clip and add boxes where needed.',
  boxTitle: 'Add or adjust a box',
  boxIntro:
    'In pixels of the picture (top left is 0, 0) and seconds from the start. A drawn box fills these fields; you can still change them.',
  boxFor: 'Applies to',
  boxNew: 'A new box',
  from: 'From (seconds)',
  to: 'To (seconds)',
  x: 'Left (x)',
  y: 'Top (y)',
  w: 'Width',
  h: 'Height',
  addBox: 'Put the box in the review',
  boxInvalid: 'Fill every field with a number; width and height above 0 and “to” not before “from”.',
  edits: 'Changes',
  editsNone: 'No changes yet.',
  editAdd: (from, to) => `Box added, ${seconds(from)} – ${seconds(to)}`,
  editRemove: (face) => `${face}: not a face`,
  editResize: (face, from, to) => `${face}: box adjusted, ${seconds(from)} – ${seconds(to)}`,
  removeEdit: 'Undo',
  removeEditLabel: (what) => `Undo: ${what}`,
  save: 'Save the review',
  saved: 'The review was saved.',
  unsaved: 'There are changes that are not saved yet.',
  legendKept: 'green: stays visible',
  legendBlurred: 'red: made unrecognisable',

  renderTitle: '4. Make the copy',
  renderIntro:
    'The copy carries the text “Copy for the data subject” with the date in the picture, without sound (the voices of others are personal data too).',
  render: 'Make the copy',
  renderNeedsReview: 'Save the review first.',

  resultTitle: '5. The copy',
  resultFacts: (frames, boxes) =>
    `${count('en', frames, { one: 'frame', other: 'frames' })}, ${count('en', boxes, { one: 'box', other: 'boxes' })} made unrecognisable.`,
  keptUntil: (until) =>
    `The copy is kept encrypted until ${until} and deleted then, or earlier when the request is closed.`,
  downloaded: (at) => `Last downloaded on ${at}.`,
  download: 'Download the copy (MP4)',
  copyLabel: 'The redacted copy',
  deleteCopy: 'Delete the copy now',
  copyDeleted: (reason) => `The copy was deleted (${reason}).`,
  copyRestart:
    'The key of the copy was held only in the server’s memory and was lost when it restarted. Do you still need the copy? Ask for permission again and make a new copy.',
  deleteReasons: {
    expired: 'the seven days it is kept have passed',
    'request-closed': 'the request was closed',
    deleted: 'deleted by you',
    restart: 'the server restarted',
    'review-changed': 'the review changed',
    'rendered-again': 'a new copy was made',
    'detected-again': 'the faces were searched again',
  },
};
