/** The addresses of the residents' requests screens; routes.ts lists the patterns under the page. */
import { registerFilterOf, registerListHref, type RegisterFilter } from '../registers/filter.js';

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

export const REQUEST_STATUSES = ['received', 'in-progress', 'decided', 'sent', 'closed'];
export const REQUEST_KINDS = ['access', 'erasure', 'restriction', 'objection'];

/** The register's filter in a query string; anything unknown is left out. */
export const rightsFilterOf = (search: string): RegisterFilter =>
  registerFilterOf(search, REQUEST_STATUSES, REQUEST_KINDS);

/** The register's address with this filter (empty values left out). */
export const rightsListHref = (f: RegisterFilter): string => registerListHref(RIGHTS_PATH, f);
