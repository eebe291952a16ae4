/** The addresses of the complaints and regulator inquiries screens; routes.ts lists the patterns under the page. */

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

/** The register's filter, kept in the address (so Back and a shared link work). */
export interface ComplaintsFilter {
  readonly status: string;
  readonly kind: string;
  readonly deadline: string;
}

export const COMPLAINT_STATUSES = ['received', 'in-progress', 'answered', 'closed'];
export const COMPLAINT_KINDS = ['complaint', 'regulator-inquiry'];
export const COMPLAINT_SOURCES = ['resident', 'staff', 'union', 'works-council', 'regulator', 'other'];
export const DEADLINE_STATES = ['open', 'due-soon', 'overdue', 'answered'];
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

/** The filter in a query string; anything unknown is left out. */
export const complaintsFilterOf = (search: string): ComplaintsFilter => {
  const p = new URLSearchParams(search);
  const pick = (k: string, list: readonly string[]) => {
    const v = p.get(k) ?? '';
    return list.includes(v) ? v : '';
  };
  return {
    status: pick('status', COMPLAINT_STATUSES),
    kind: pick('kind', COMPLAINT_KINDS),
    deadline: pick('deadline', DEADLINE_STATES),
  };
};

/** The register's address with this filter (empty values left out). */
export const complaintsListHref = (f: ComplaintsFilter): string => {
  const p = new URLSearchParams();
  for (const k of ['status', 'kind', 'deadline'] as const) if (f[k]) p.set(k, f[k]);
  const qs = p.toString();
  return qs ? `${COMPLAINTS_PATH}?${qs}` : COMPLAINTS_PATH;
};
