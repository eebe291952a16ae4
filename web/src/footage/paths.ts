/** The addresses of the footage screens; routes.ts lists the patterns under the footage page. */

export const FOOTAGE_PATH = '/footage';

export const FOOTAGE_PATTERNS = {
  request: '/footage/requests/:id',
  grant: '/footage/grants/:id',
} as const;

export type FootageScreen =
  | { readonly kind: 'list' }
  | { readonly kind: 'request'; readonly id: string }
  | { readonly kind: 'viewer'; readonly grantId: string };

export const footageHref = (screen: FootageScreen): string => {
  switch (screen.kind) {
    case 'list':
      return FOOTAGE_PATH;
    case 'request':
      return `${FOOTAGE_PATH}/requests/${encodeURIComponent(screen.id)}`;
    case 'viewer':
      return `${FOOTAGE_PATH}/grants/${encodeURIComponent(screen.grantId)}`;
  }
};

/** The screen for the pattern the router matched (routeForPath) and its parameters. */
export const footageScreen = (pattern: string, params: Readonly<Record<string, string>>): FootageScreen => {
  const id = params.id;
  if (pattern === FOOTAGE_PATTERNS.request && id !== undefined) return { kind: 'request', id };
  if (pattern === FOOTAGE_PATTERNS.grant && id !== undefined) return { kind: 'viewer', grantId: id };
  return { kind: 'list' };
};
