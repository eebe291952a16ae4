/** The addresses of the residents' requests screens; routes.ts lists the patterns under the page. */

export const RIGHTS_PATH = '/rights/requests';

export const RIGHTS_PATTERNS = {
  new: '/rights/requests/new',
  request: '/rights/requests/:id',
} as const;

export type RightsScreen =
  { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'request'; readonly id: string };

export const rightsHref = (screen: RightsScreen): string => {
  switch (screen.kind) {
    case 'list':
      return RIGHTS_PATH;
    case 'new':
      return RIGHTS_PATTERNS.new;
    case 'request':
      return `${RIGHTS_PATH}/${encodeURIComponent(screen.id)}`;
  }
};

/** The redacted copy of one linked clip (issue 12 §2; its page is built apart from these). */
export const redactionHref = (requestId: string, clipId: string): string =>
  `${RIGHTS_PATH}/${encodeURIComponent(requestId)}/redaction/${encodeURIComponent(clipId)}`;

/** The screen for the pattern the router matched (routeForPath) and its parameters. */
export const rightsScreen = (pattern: string, params: Readonly<Record<string, string>>): RightsScreen => {
  if (pattern === RIGHTS_PATTERNS.new) return { kind: 'new' };
  if (pattern === RIGHTS_PATTERNS.request && params.id !== undefined)
    return { kind: 'request', id: params.id };
  return { kind: 'list' };
};

/** The register's filter, kept in the address (so Back and a shared link work). */
export interface RightsFilter {
  readonly status: string;
  readonly kind: string;
  readonly deadline: string;
}

const STATUSES = ['received', 'in-progress', 'decided', 'sent', 'closed'];
const KINDS = ['access', 'erasure', 'restriction', 'objection'];
const DEADLINES = ['open', 'due-soon', 'overdue', 'answered'];

/** The filter in a query string; anything unknown is left out. */
export const rightsFilterOf = (search: string): RightsFilter => {
  const p = new URLSearchParams(search);
  const pick = (k: string, list: readonly string[]) => {
    const v = p.get(k) ?? '';
    return list.includes(v) ? v : '';
  };
  return {
    status: pick('status', STATUSES),
    kind: pick('kind', KINDS),
    deadline: pick('deadline', DEADLINES),
  };
};

/** The register's address with this filter (empty values left out). */
export const rightsListHref = (f: RightsFilter): string => {
  const p = new URLSearchParams();
  for (const k of ['status', 'kind', 'deadline'] as const) if (f[k]) p.set(k, f[k]);
  const qs = p.toString();
  return qs ? `${RIGHTS_PATH}?${qs}` : RIGHTS_PATH;
};

export const REQUEST_STATUSES = STATUSES;
export const REQUEST_KINDS = KINDS;
export const DEADLINE_STATES = DEADLINES;
