/**
 * The renderer-independent report: everything a Markdown, HTML or PDF renderer needs, bilingual,
 * already ordered. Renderers choose a language and a layout; they compute nothing.
 */
import type { Measure, PurposeKind } from './catalogue.js';
import type { Assessment } from './assess.js';
import type { AlternativeRow, Comparison } from './compare.js';
import type { DpiaDetermination } from './dpia.js';
import type { Condition, Outcome } from './rule.js';
import { hoursText } from './hours.js';
import type { HumanJudgement, Scenario } from './scenario.schema.js';
import { PURPOSE_KIND_NAMES } from './labels.js';
import { sourceText } from './sources.js';
import { perLanguage, t, type Text } from './text.js';
import { VERDICT_NAMES, type Verdict } from './verdict.js';

export interface ReportFinding {
  readonly ruleId: string;
  readonly title: Text;
  /** What the engine found; never overwritten. */
  readonly engineOutcome: Outcome;
  /** A person's judgement on a review finding, shown as theirs. */
  readonly humanJudgement?: HumanJudgement;
  readonly effectiveOutcome: Outcome;
  readonly reasons: readonly Text[];
  /** The source in English, as the finding gives it. */
  readonly source: string;
  /** The source as a reader sees it, per language: AVG/GDPR in words, "bron nog niet bevestigd" where unconfirmed. */
  readonly citation: Text;
  readonly conditions: readonly Condition[];
}

export interface ReportModel {
  readonly title: string;
  readonly controller: string;
  readonly assessedOn: string;
  readonly measure: {
    readonly id: string;
    readonly rank: number;
    readonly name: Text;
    readonly audio: boolean;
  };
  readonly scope: {
    readonly rooms: readonly string[];
    readonly conversationTypes: readonly {
      readonly id: string;
      readonly name: string;
      readonly sensitive: boolean;
    }[];
    readonly hours: Text;
    readonly riskFlaggedOnly: boolean;
  };
  readonly purpose: { readonly text: string; readonly kinds: readonly PurposeKind[] };
  readonly legalBasis: { readonly article: string; readonly provision: string | undefined };
  readonly peopleAffected: Scenario['peopleAffected'];
  readonly conditionsAccessToService: boolean;
  readonly evidence: {
    readonly incidentsInScope: number;
    readonly seriousOrReported: number;
    readonly imminentDanger: string | undefined;
    readonly statistics: string | undefined;
  };
  readonly alternatives: Comparison;
  readonly findings: readonly ReportFinding[];
  readonly dpia: DpiaDetermination;
  readonly verdict: { readonly value: Verdict; readonly name: Text };
  readonly conditions: readonly Condition[];
  readonly humanJudgements: readonly (HumanJudgement & { readonly ruleTitle: Text })[];
  readonly notes: readonly Text[];
}

/** What naming the alternatives needs of a report model. */
interface NamedAlternatives {
  readonly alternatives: {
    readonly rows: readonly Pick<AlternativeRow, 'measureId' | 'name'>[];
    readonly leastIntrusivePerPurpose: Comparison['leastIntrusivePerPurpose'];
  };
}

/** A measure's name as the alternatives table gives it; its id when it is not there. */
export const alternativeName = (m: NamedAlternatives, id: string): Text =>
  m.alternatives.rows.find((r) => r.measureId === id)?.name ?? t(id, id);

/** "directe hulp → Alarmknop; bewijs → …": the least intrusive measure per purpose kind; undefined when none. */
export const leastIntrusiveText = (m: NamedAlternatives): Text | undefined => {
  const per = Object.entries(m.alternatives.leastIntrusivePerPurpose) as [PurposeKind, string][];
  return per.length === 0
    ? undefined
    : perLanguage((lang) =>
        per.map(([k, id]) => `${PURPOSE_KIND_NAMES[k][lang]} → ${alternativeName(m, id)[lang]}`).join('; '),
      );
};

export const ANALOGY_NOTE = t(
  'EDPB-richtsnoeren 3/2019, punt 18–40, gaan over gerechtvaardigd belang (AVG art. 6 lid 1, onder f), dat een gemeente niet kan gebruiken (LB-1); deze beoordeling past ze toe als maatstaf voor noodzaak en evenredigheid bij een grondslag in art. 6 lid 1, onder c of e, en lid 3.',
  'EDPB Guidelines 3/2019 §§18–40 analyse legitimate interests (Art. 6(1)(f)), which a municipality cannot use (LB-1); this assessment applies them as necessity and proportionality benchmarks for a basis under Art. 6(1)(c)/(e) and 6(3).',
);
export const VERIFY_NOTE = t(
  'Bronnen met “bron nog niet bevestigd” konden nog niet in de primaire tekst worden bevestigd; controleer ze vóór gebruik.',
  'Sources marked “source not yet confirmed” could not yet be confirmed against the primary text; check them before relying on them.',
);

export const buildReportModel = (
  scenario: Scenario,
  assessment: Assessment,
  comparison: Comparison,
): ReportModel => {
  const m: Measure = assessment.measure;
  const incidents = scenario.evidence.incidents ?? [];
  const rooms = new Set(scenario.scope.rooms.map((r) => r.id));
  const types = new Set(scenario.scope.conversationTypes.map((c) => c.id));
  const inScope = incidents.filter((i) => rooms.has(i.roomId) && types.has(i.conversationTypeId));
  const findings: ReportFinding[] = assessment.findings.map((f) => {
    const base = {
      ruleId: f.ruleId,
      title: f.title,
      engineOutcome: f.outcome,
      effectiveOutcome: f.effectiveOutcome,
      reasons: f.reasons,
      source: f.source,
      citation: perLanguage((lang) => sourceText(f, lang)),
      conditions: f.conditions ?? [],
    };
    return f.humanJudgement === undefined ? base : { ...base, humanJudgement: f.humanJudgement };
  });
  return {
    title: scenario.title,
    controller: scenario.controller.name,
    assessedOn: scenario.assessedOn,
    measure: { id: m.id, rank: m.rank, name: m.name, audio: scenario.measure.audio ?? m.audio },
    scope: {
      rooms: scenario.scope.rooms.map((r) => r.name ?? r.id),
      conversationTypes: scenario.scope.conversationTypes.map((c) => ({
        id: c.id,
        name: c.name ?? c.id,
        sensitive: c.sensitive,
      })),
      hours: hoursText(scenario.scope.hours ?? []),
      riskFlaggedOnly: scenario.scope.riskFlaggedOnly === true,
    },
    purpose: { text: scenario.purpose.text, kinds: scenario.purpose.kinds },
    legalBasis: { article: `6(1)(${scenario.legalBasis.article})`, provision: scenario.legalBasis.provision },
    peopleAffected: scenario.peopleAffected,
    conditionsAccessToService: scenario.conditionsAccessToService,
    evidence: {
      incidentsInScope: inScope.length,
      seriousOrReported: inScope.filter((i) => i.severity !== 'low' || i.policeReport).length,
      imminentDanger: scenario.evidence.imminentDanger?.statement,
      statistics: scenario.evidence.statistics,
    },
    alternatives: comparison,
    findings,
    dpia: assessment.dpia,
    verdict: { value: assessment.verdict, name: VERDICT_NAMES[assessment.verdict] },
    conditions: assessment.conditions,
    humanJudgements: findings.flatMap((f) =>
      f.humanJudgement === undefined ? [] : [{ ...f.humanJudgement, ruleTitle: f.title }],
    ),
    notes: [ANALOGY_NOTE, VERIFY_NOTE],
  };
};
