/** The texts of the recorder agents page (issue 13 §2, ADR 0015) in English; typed against the Dutch table. */
import type { AgentsTexts } from './agents-nl.js';
import { count } from './plural.js';

/** A lag or a wait in words: "45 seconds", "12 minutes", "2 hours 5 minutes", "3 days". */
const inWords = (seconds: number): string => {
  if (seconds < 60) return count('en', seconds, { one: 'second', other: 'seconds' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return count('en', minutes, { one: 'minute', other: 'minutes' });
  const hours = Math.floor(minutes / 60);
  const h = count('en', hours, { one: 'hour', other: 'hours' });
  if (hours < 24)
    return minutes % 60 === 0 ? h : `${h} ${count('en', minutes % 60, { one: 'minute', other: 'minutes' })}`;
  return count('en', Math.floor(hours / 24), { one: 'day', other: 'days' });
};

export const agentsEn: AgentsTexts = {
  title: 'Recorder agents',
  intro:
    'A recorder agent records at a site whose cameras the server cannot or should not reach itself. Here you register an agent, see how it is doing and revoke it.',
  introReadOnly:
    'A recorder agent records at a site whose cameras the server cannot or should not reach itself. Here you see how each agent is doing; the administrator registers and revokes them.',
  whatTitle: 'What is a recorder agent?',
  what: 'A recorder agent is a small program on a computer at the site itself, next to the cameras. It records as the server does: it keeps the footage from before an alarm in memory only, seals every recording at once with the vault’s public key and sends only sealed parts to the server. It cannot open any footage itself.',
  when: 'You need an agent when a site’s cameras are on that site’s own network and the server cannot reach them, or when the footage must not cross the network unencrypted. While a site has an enrolled agent, the server does not record that site’s cameras itself: a camera is never recorded twice.',
  docs: 'Installing and enrolling are described in the administrator’s manual, chapter recorder agents (docs/agents.md).',
  empty: 'There are no recorder agents yet. The server records every camera itself.',
  caption: 'All recorder agents',
  name: 'Name',
  site: 'Site',
  state: 'State',
  lastContact: 'Last contact',
  lag: 'Lag',
  armedCameras: 'Cameras ready',
  queuedParts: 'Parts queued',
  restarts: 'Camera restarts',
  version: 'Version',
  states: {
    'awaiting-enrolment': 'awaiting enrolment',
    'code-expired': 'enrolment code expired',
    enrolled: 'enrolled',
    revoked: 'revoked',
  },
  codeValidUntil: (when) => `The enrolment code is valid until ${when}.`,
  codeExpired: 'The code was not used. Revoke this agent and register it again for a new code.',
  revokedAt: (when) => `Revoked on ${when}.`,
  reported: {
    recording: 'ready, recording under the server’s plan',
    offline: 'without a connection to the server, recording under its last plan',
    disarmed: 'cameras off, not recording',
  },
  lastReport: (what) => `Last report: ${what}.`,
  noReport: 'No report received yet.',
  never: 'never',
  contact: (ago, at) => `${ago} (${at})`,
  lagValue: (seconds) =>
    seconds < 60 ? inWords(seconds) : `${inWords(seconds)} (${seconds.toLocaleString('en-GB')}\u00a0s)`,
  lagHigh: 'high',
  lagExplain:
    'The lag is how far the server is behind the site: the longer of the time since the agent was last heard from and how long its oldest unsent step has been waiting; more than a minute is high.',
  none: '—',

  add: 'Register a recorder agent',
  noSites: 'Create a site first.',
  formTitle: 'New recorder agent',
  siteHint: 'The site where the agent will stand next to the cameras; it records every camera of that site.',
  nameHint: 'For example where the computer stands: Recorder De Brink, server cupboard first floor.',
  submit: 'Register and make a code',

  createdTitle: (name) => `One-time enrolment code for ${name}`,
  createdOnce:
    'You see this code only now. Once you close this message or leave the page it cannot be shown again; if it is lost, revoke the agent and register it again.',
  code: 'Enrolment code',
  validity: (until) => `Valid until ${until} (24 hours) and for one use only.`,
  commandIntro: (site) => `Run on the computer next to the cameras of ${site}:`,
  commandLabel: 'Commands for the computer at the site',
  serverHint:
    'The server address is the address you are signed in at now. If the site reaches the server at another address, change it.',
  copy: 'Copy the commands',
  copied: 'Copied.',
  copyFailed: 'Copying did not work; select the text and copy it yourself.',
  dismiss: 'I have noted the code',

  revoke: 'Revoke',
  revokeItem: (name) => `Revoke recorder agent ${name}`,
  confirmTitle: (name) => `Revoke recorder agent ${name}?`,
  confirmStops:
    'From now on the server refuses the agent and ends its connection. The agent switches its cameras off and stops: a connected agent at once, an agent without a connection as soon as it reaches the server again.',
  confirmCameras: (site) =>
    `The cameras of ${site} go back to the server’s own recorder if the server can reach them; otherwise nothing is recorded at ${site} until a new agent is enrolled.`,
  confirmOtherAgent: (site) =>
    `Another agent is enrolled at ${site}; it keeps recording this site’s cameras.`,
  confirmQueued: (n) =>
    `The agent last reported ${count('en', n, { one: 'part', other: 'parts' })} in its queue. Once revoked it cannot send them any more; they stay sealed on the computer at the site.`,
  confirmNotEnrolled:
    'The enrolment code stops working. No agent has enrolled with it yet, so nothing changes in the recording.',
  confirmFinal: 'Revoking cannot be undone; for a new agent you register a new one.',
  revoked: (name) => `Recorder agent ${name} has been revoked.`,
};
