/**
 * Four-eyes on assessment decisions (DOMAIN.md section 2: one person may hold several roles, but
 * never approves their own request): whoever contributed to a version — wrote or edited it, gave
 * the DPO advice (GDPR Art. 38(6) keeps the DPO free of conflicting tasks), recorded the views or a
 * human judgement, or submitted it — does not decide on it (approve or reject). Roles do not matter
 * here: a user who is both security coordinator and decision-maker is judged by what they did.
 */
import { t, type Text } from './text.js';

export const CONTRIBUTION_KINDS = [
  'authored',
  'authored-earlier-version',
  'dpo-advice',
  'views',
  'judgement',
  'submission',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export interface Contribution {
  readonly kind: ContributionKind;
  /** User id. */
  readonly by: string;
  /** For a judgement: the rule it was on. */
  readonly ruleId?: string;
}

/**
 * What a stored version records about who did what (structurally the workflow's version). The
 * log keeps every step, also one whose record was later replaced (advice or views recorded
 * again by someone else): a replaced contribution is still a contribution.
 */
export interface VersionContributions {
  readonly version: number;
  /** The version's author; only the author edits a version in place, anyone else makes a new one. */
  readonly createdBy: string;
  readonly dpoAdvice?: { readonly by: string } | undefined;
  readonly dataSubjectViews?: { readonly by: string } | undefined;
  readonly humanJudgements: readonly { readonly by: string; readonly ruleId: string }[];
  /** Every workflow step on this version, in order (advice, views, judgements, submission). */
  readonly contributions: readonly Contribution[];
}

const same = (a: Contribution, b: Contribution): boolean =>
  a.kind === b.kind && a.by === b.by && a.ruleId === b.ruleId;

/**
 * Everyone who contributed to `decided`: its log and its current records, plus the authors of
 * the assessment and of its earlier versions (a new version starts from their text).
 */
export const contributionsTo = (
  decided: VersionContributions,
  assessmentAuthor: string,
  earlier: readonly Pick<VersionContributions, 'version' | 'createdBy'>[],
): Contribution[] => {
  const all: Contribution[] = [{ kind: 'authored', by: decided.createdBy }];
  const earlierAuthors = new Set([
    assessmentAuthor,
    ...earlier.filter((v) => v.version < decided.version).map((v) => v.createdBy),
  ]);
  for (const by of earlierAuthors)
    if (by !== decided.createdBy) all.push({ kind: 'authored-earlier-version', by });
  all.push(...decided.contributions);
  if (decided.dpoAdvice !== undefined) all.push({ kind: 'dpo-advice', by: decided.dpoAdvice.by });
  if (decided.dataSubjectViews !== undefined) all.push({ kind: 'views', by: decided.dataSubjectViews.by });
  for (const j of decided.humanJudgements) all.push({ kind: 'judgement', by: j.by, ruleId: j.ruleId });
  return all.filter((c, i) => all.findIndex((d) => same(c, d)) === i);
};

const PHRASE: Readonly<Record<ContributionKind, (c: Contribution) => Text>> = {
  authored: () => t('u heeft deze versie opgesteld of gewijzigd', 'you wrote or edited this version'),
  'authored-earlier-version': () =>
    t(
      'u heeft een eerdere versie van deze afweging opgesteld',
      'you wrote an earlier version of this assessment',
    ),
  'dpo-advice': () => t('u heeft het advies van de FG gegeven', 'you gave the DPO advice'),
  views: () =>
    t('u heeft de zienswijzen van betrokkenen vastgelegd', 'you recorded the views of the data subjects'),
  judgement: (c) =>
    t(
      `u heeft het menselijk oordeel over ${c.ruleId ?? '?'} vastgelegd`,
      `you recorded the human judgement on ${c.ruleId ?? '?'}`,
    ),
  submission: () => t('u heeft deze versie ingediend', 'you submitted this version'),
};

/** One contribution in words, Dutch first. */
export const contributionText = (c: Contribution): Text => PHRASE[c.kind](c);

export type DecisionRight =
  | { readonly may: true }
  | {
      readonly may: false;
      /** The decider's own contributions, in the order the workflow records them. */
      readonly contributions: readonly Contribution[];
      readonly reason: Text;
    };

const list = (parts: readonly string[], and: string): string =>
  parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;

/** May `decider` approve or reject version `version`, given everyone's contributions to it? */
export const mayDecide = (
  decider: string,
  version: number,
  contributions: readonly Contribution[],
): DecisionRight => {
  const own = contributions.filter((c) => c.by === decider);
  if (own.length === 0) return { may: true };
  const texts = own.map(contributionText);
  return {
    may: false,
    contributions: own,
    reason: t(
      `U mag niet beslissen over versie ${version}: ${list(
        texts.map((x) => x.nl),
        'en',
      )}. Een ander beslist (vier-ogenprincipe).`,
      `You may not decide on version ${version}: ${list(
        texts.map((x) => x.en),
        'and',
      )}. Another person decides (four-eyes).`,
    ),
  };
};
