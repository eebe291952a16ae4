/** The addresses of the assessment screens; routes.ts lists the patterns under the assessments page. */

export const ASSESSMENTS_PATH = '/assessments';

/** The wizard's steps, in the order of DOMAIN.md; each has its own address (…/new/purpose). */
export const WIZARD_STEPS = [
  'measure',
  'purpose',
  'basis',
  'evidence',
  'alternatives',
  'safeguards',
  'dpia',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const isWizardStep = (s: string | undefined): s is WizardStep =>
  (WIZARD_STEPS as readonly (string | undefined)[]).includes(s);

/** Most specific first: "new" is not an id. */
export const ASSESSMENT_PATTERNS = {
  new: '/assessments/new',
  newStep: '/assessments/new/:step',
  edit: '/assessments/:id/edit',
  editStep: '/assessments/:id/edit/:step',
  version: '/assessments/:id/versions/:version',
  detail: '/assessments/:id',
} as const;

export type AssessmentScreen =
  | { readonly kind: 'list' }
  | { readonly kind: 'new'; readonly step?: WizardStep }
  | { readonly kind: 'detail'; readonly id: string }
  | { readonly kind: 'version'; readonly id: string; readonly version: number }
  | { readonly kind: 'edit'; readonly id: string; readonly step?: WizardStep };

/** The first step has no step of its own in the address: /assessments/new is where the wizard starts. */
const stepPart = (step: WizardStep | undefined): string =>
  step === undefined || step === WIZARD_STEPS[0] ? '' : `/${step}`;

export const assessmentHref = (screen: AssessmentScreen): string => {
  switch (screen.kind) {
    case 'list':
      return ASSESSMENTS_PATH;
    case 'new':
      return `${ASSESSMENT_PATTERNS.new}${stepPart(screen.step)}`;
    case 'detail':
      return `${ASSESSMENTS_PATH}/${encodeURIComponent(screen.id)}`;
    case 'version':
      return `${ASSESSMENTS_PATH}/${encodeURIComponent(screen.id)}/versions/${screen.version}`;
    case 'edit':
      return `${ASSESSMENTS_PATH}/${encodeURIComponent(screen.id)}/edit${stepPart(screen.step)}`;
  }
};

/** The screen for the pattern the router matched (routeForPath) and its parameters. */
export const assessmentScreen = (
  pattern: string,
  params: Readonly<Record<string, string>>,
): AssessmentScreen => {
  const { id, step } = params;
  // An unknown step is the first one (an old bookmark, a typo): the wizard is still there.
  const known = isWizardStep(step) && step !== WIZARD_STEPS[0] ? { step } : {};
  if (pattern === ASSESSMENT_PATTERNS.new || pattern === ASSESSMENT_PATTERNS.newStep)
    return { kind: 'new', ...known };
  if (id === undefined) return { kind: 'list' };
  if (pattern === ASSESSMENT_PATTERNS.edit || pattern === ASSESSMENT_PATTERNS.editStep)
    return { kind: 'edit', id, ...known };
  if (pattern === ASSESSMENT_PATTERNS.version) {
    const version = Number(params.version);
    return Number.isInteger(version) && version > 0 && String(version) === params.version
      ? { kind: 'version', id, version }
      : { kind: 'detail', id };
  }
  if (pattern === ASSESSMENT_PATTERNS.detail) return { kind: 'detail', id };
  return { kind: 'list' };
};
