/** The addresses of the complaints and regulator inquiries screens; routes.ts lists the patterns under the page. */
import { registerFilterOf, registerListHref, type RegisterFilter } from '../registers/filter.js';

export const COMPLAINTS_PATH = '/complaints';

export const COMPLAINTS_PATTERNS = {
  new: '/complaints/new',
  complaint: '/complaints/:id',
} as const;

export type ComplaintsScreen =
  { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'complaint'; readonly id: string };

export const complaintsHref = (screen: ComplaintsScreen): string => {
  switch (screen.kind) {
    case 'list':
      return COMPLAINTS_PATH;
    case 'new':
      return COMPLAINTS_PATTERNS.new;
    case 'complaint':
      return `${COMPLAINTS_PATH}/${encodeURIComponent(screen.id)}`;
  }
};

/** The screen for the pattern the router matched (routeForPath) and its parameters. */
export const complaintsScreen = (
  pattern: string,
  params: Readonly<Record<string, string>>,
): ComplaintsScreen => {
  if (pattern === COMPLAINTS_PATTERNS.new) return { kind: 'new' };
  if (pattern === COMPLAINTS_PATTERNS.complaint && params.id !== undefined)
    return { kind: 'complaint', id: params.id };
  return { kind: 'list' };
};

export const COMPLAINT_STATUSES = ['received', 'in-progress', 'answered', 'closed'];
export const COMPLAINT_KINDS = ['complaint', 'regulator-inquiry'];
export const COMPLAINT_SOURCES = ['resident', 'staff', 'union', 'works-council', 'regulator', 'other'];
export const COMPLAINT_OUTCOMES = ['founded', 'partly-founded', 'unfounded', 'withdrawn'];
export const TIMELINE_ENTRIES = [
  'note',
  'action-taken',
  'letter-sent',
  'information-requested',
  'hearing',
  'forwarded',
];
export const LINK_KINDS = ['assessment', 'room', 'request'];

/** The register's filter in a query string; anything unknown is left out. */
export const complaintsFilterOf = (search: string): RegisterFilter =>
  registerFilterOf(search, COMPLAINT_STATUSES, COMPLAINT_KINDS);

/** The register's address with this filter (empty values left out). */
export const complaintsListHref = (f: RegisterFilter): string => registerListHref(COMPLAINTS_PATH, f);
