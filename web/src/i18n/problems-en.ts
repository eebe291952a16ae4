/**
 * Refusals of the API in English, by error code: kinder wordings and the viewing texts of
 * footage-en.ts; any other code is shown with the problem's own title (the server's language).
 */
import { count } from './plural.js';
import { footageEn } from './footage-en.js';
import type { ProblemTexts } from './problems-nl.js';

const kinder: Readonly<Record<string, string>> = {
  'REQUEST.INVALID': 'The input is not valid.',
  'RESOURCE.CONFLICT': 'This already exists.',
  'INCIDENT.REPORT_LOWERED': 'You can add to what security recorded, but not lower or remove it.',
  'AUTH.CSRF': 'Your session has expired; reload the page.',
  'AUTH.LOCKED': 'Too many failed attempts; the account is temporarily locked.',
  'AUTH.RATE_LIMITED': 'Too many attempts from this address; wait a minute.',
  'USER.SITES_BEYOND_OWN': 'You can only give sites you serve yourself (not "all sites").',
  INTERNAL: 'Something went wrong on the server.',
};

const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number(v));
const chars = (n: string | number | undefined) =>
  count('en', num(n), { one: 'character', other: 'characters' });

export const problemTextsEn: ProblemTexts = {
  messages: { ...kinder, ...footageEn.errors },
  generic: 'This did not work. Try again or contact the administrator.',
  codeNote: (code) => `Error code for the administrator: ${code}`,
  showServerDetail: true,
  fieldRules: {
    required: (s) => `${s} is required.`,
    'min-length': (s, p) => `${s} must have at least ${chars(p.min)}.`,
    'max-length': (s, p) => `${s} may have at most ${chars(p.max)}.`,
    'whole-number-range': (s, p) => `${s} must be a whole number from ${p.min} to ${p.max}.`,
    minimum: (s, p) => `${s} must be at least ${p.min}.`,
    maximum: (s, p) => `${s} may be at most ${p.max}.`,
    'one-of': (s, p) => `Choose one of these for ${s.toLowerCase()}: ${p.values}.`,
    'name-characters': (s, p) => `${s} may contain only letters, digits, spaces and ${p.characters}.`,
    format: (s) => `${s} is not in the right form.`,
    'not-in-future': (s) => `${s} lies in the future; enter a moment that has passed.`,
    'in-future': (s) => `${s} must lie in the future.`,
    'contains-username': (s) => `${s} must not contain the username.`,
    'too-repetitive': (s, p) => `${s} must contain at least ${p.min} different characters.`,
    'unknown-field': (s) => `${s} is not used here.`,
    'length-range': (s, p) => `${s} needs ${p.min} to ${chars(p.max)}.`,
    'ends-before-start': (s) => `${s} must lie after the start.`,
    'span-too-long': (s, p) =>
      `${s} may cover at most ${count('en', num(p.max), { one: 'day', other: 'days' })}.`,
    'after-receipt': (s) => `${s} lies after the moment it came in.`,
    'before-receipt': (s) => `${s} lies before the day it came in.`,
    'identity-number': (s) => `${s} looks like it holds a citizen service or document number; leave it out.`,
    'unknown-reference': (s) => `${s} does not exist or is outside your sites.`,
    'not-at-site': (s) => `${s} does not go with the room chosen.`,
    inconsistent: (s) => `${s} does not go with the rest of the form.`,
    'not-later': (s) => `${s} must be later than the current one.`,
    'not-applicable': (s) => `${s} does not apply here; leave it empty.`,
  },
  fieldInvalid: (s) => `${s} is not filled in correctly.`,
  fields: {
    password: 'the password',
    newPassword: 'the new password',
    currentPassword: 'the current password',
    username: 'the username',
    displayName: 'the name',
    name: 'the name',
    email: 'the email address',
    roles: 'the roles',
    siteIds: 'the sites',
    occurredAt: 'the time of the incident',
    severity: 'the severity',
    kind: 'the kind',
    policeReference: 'the police report number',
    followUp: 'the follow-up',
    description: 'the description',
    value: 'the value',
    key: 'the setting',
    expiresInDays: 'the validity in days',
    reason: 'the reason',
    reasons: 'the reasons',
    validUntil: 'the end date',
    validFrom: 'the start date',
    reviewDate: 'the review date',
    retentionHours: 'the retention period',
    url: 'the address',
    roomId: 'the interview room',
    siteId: 'the site',
    address: 'the address',
    code: 'the code',
    title: 'the title',
  },
  thisField: 'this field',
};
