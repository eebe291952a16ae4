/** The addresses of the assessment screens; routes.ts lists the patterns under the assessments page. */

export const ASSESSMENTS_PATH = '/assessments';

/** Most specific first: "new" is not an id. */
export const ASSESSMENT_PATTERNS = {
  new: '/assessments/new',
  edit: '/assessments/:id/edit',
  detail: '/assessments/:id',
} as const;

export type AssessmentScreen =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'detail'; readonly id: string }
  | { readonly kind: 'edit'; readonly id: string };

export const assessmentHref = (screen: AssessmentScreen): string => {
  switch (screen.kind) {
    case 'list':
      return ASSESSMENTS_PATH;
    case 'new':
      return ASSESSMENT_PATTERNS.new;
    case 'detail':
      return `${ASSESSMENTS_PATH}/${encodeURIComponent(screen.id)}`;
    case 'edit':
      return `${ASSESSMENTS_PATH}/${encodeURIComponent(screen.id)}/edit`;
  }
};

/** The screen for the pattern the router matched (routeForPath) and its parameters. */
export const assessmentScreen = (
  pattern: string,
  params: Readonly<Record<string, string>>,
): AssessmentScreen => {
  const id = params.id;
  if (pattern === ASSESSMENT_PATTERNS.new) return { kind: 'new' };
  if (pattern === ASSESSMENT_PATTERNS.edit && id !== undefined) return { kind: 'edit', id };
  if (pattern === ASSESSMENT_PATTERNS.detail && id !== undefined) return { kind: 'detail', id };
  return { kind: 'list' };
};
