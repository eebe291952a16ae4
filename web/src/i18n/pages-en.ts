/** Texts of the everyday pages (issue 11), in English. */
import type { registerNl, todoNl } from './pages-nl.js';
import { count, plural } from './plural.js';

export const todoEn: typeof todoNl = {
  heading: 'To do',
  loggedInAs: (name, roles) => `You are signed in as ${name} (${roles}).`,
  summary: (n) => `You have ${count('en', n, 'task', 'tasks')} to do.`,
  nothing: 'Nothing to do',
  nothingBody: 'Nothing is waiting for you right now. When something comes up, you will see it here.',
  alarm: 'Alarm',
  alarmLink: 'Go to the alarm button',
  alarmHint: 'Does a conversation feel unsafe? The alarm button calls for help at once.',
  groups: {
    decide: (n) => `${count('en', n, 'assessment awaits', 'assessments await')} your decision`,
    advise: (n) =>
      `${count('en', n, 'assessment awaits', 'assessments await')} the data protection officer's advice`,
    review: (n) => `${count('en', n, 'review is', 'reviews are')} coming up or overdue`,
    expires: (n) => `${count('en', n, 'decision expires', 'decisions expire')} soon`,
    report: (n) => `${count('en', n, 'incident report', 'incident reports')} still to complete`,
    'approve-viewing': (n) =>
      `${count('en', n, 'viewing request', 'viewing requests')} ${plural('en', n, 'awaits', 'await')} your approval`,
    'hold-lapses': (n) => `${count('en', n, 'legal hold lapses', 'legal holds lapse')} soon`,
  },
  decide: { link: (title) => `Decide on ‘${title}’`, rest: (date) => `submitted on ${date}.` },
  advise: {
    link: (title) => `Advise on ‘${title}’`,
    rest: (date) => `since ${date}; without your advice no decision can be taken.`,
  },
  review: {
    link: (title) => `Review ‘${title}’`,
    rest: (date, overdue) => (overdue ? `the review date ${date} has passed.` : `review date ${date}.`),
  },
  expires: {
    link: (title) => `Renew or review ‘${title}’`,
    rest: (date) => `the decision is valid until ${date}; then what it allows stops.`,
  },
  report: {
    link: (room) => `Complete the report for ${room}`,
    rest: (when) => `incident on ${when}.`,
  },
  'approve-viewing': {
    link: (person) => `Review ${person}'s request to view footage`,
    rest: (room, when) => `footage of ${room}, requested on ${when}.`,
  },
  'hold-lapses': {
    link: (room) => `Check the legal hold on footage of ${room}`,
    rest: (date) => `it lapses on ${date}; then retention may delete the footage.`,
  },
};

export const registerEn: typeof registerNl = {
  search: 'Search follow-up, police report and account',
  searchHint: 'For example a police report reference or a word from the account.',
  allKinds: 'All kinds',
  allSeverities: 'Any severity',
  status: 'Report',
  allStatuses: 'Completed and still to complete',
  statusReported: 'Completed',
  statusUnreported: 'Still to complete',
  police: 'Police report',
  policeAny: 'With and without police report',
  policeYes: 'With police report',
  policeNo: 'Without police report',
  reset: 'Clear filters',
  range: (first, last, total) => `${first}–${last} of ${count('en', total, 'incident', 'incidents')}`,
  found: (total) => `${count('en', total, 'incident', 'incidents')} found.`,
  pagination: 'Page through the register',
  previous: 'Previous page',
  next: 'Next page',
  page: (n, of) => `Page ${n} of ${of}`,
  fillIn: (room, when) => `To complete: report of ${room}, ${when}`,
};
