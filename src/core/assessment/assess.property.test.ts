import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type Assessment } from './assess.js';
import { CATALOGUE, MEASURE_IDS, PURPOSE_KINDS, findMeasure } from './catalogue.js';
import {
  ALTERNATIVE_STATUSES,
  INCIDENT_KINDS,
  LEGAL_BASES,
  SEVERITIES,
  SIGN_ITEMS,
  type Incident,
  type Scenario,
} from './scenario.schema.js';
import { validateScenario } from './validate-scenario.js';
import { verdictRank } from './verdict.js';

const ROOMS = ['kamer-1', 'kamer-2'];
const TYPES = [
  { id: 'terugvordering', sensitive: true },
  { id: 'wmo', sensitive: false },
];
const DATES = ['2022-03-01', '2023-01-15', '2023-09-30', '2024-01-01'];
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** An optional time of day on the incident's date: UTC hours up to 21 stay on the same Amsterdam day. */
const timeArb = opt(
  fc.record({ hour: fc.integer({ min: 0, max: 21 }), minute: fc.integer({ min: 0, max: 59 }) }),
);
const pad = (n: number) => String(n).padStart(2, '0');

const incidentArb: fc.Arbitrary<Incident> = fc
  .record({
    date: fc.constantFrom(...DATES),
    time: timeArb,
    kind: fc.constantFrom(...INCIDENT_KINDS),
    severity: fc.constantFrom(...SEVERITIES),
    policeReport: fc.boolean(),
    roomId: fc.constantFrom(...ROOMS, 'kamer-9'),
    conversationTypeId: fc.constantFrom(...TYPES.map((t) => t.id)),
    riskFlagged: opt(fc.boolean()),
  })
  .map(({ time, ...i }) =>
    time === undefined ? i : { ...i, occurredAt: `${i.date}T${pad(time.hour)}:${pad(time.minute)}:00Z` },
  );

/** Drop undefined properties so optional fields are absent, as in a JSON file. */
const clean = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    measureId: fc.constantFrom(...MEASURE_IDS),
    audioOn: fc.boolean(),
    startDate: opt(fc.constantFrom('2023-01-01', '2024-06-01')),
    rooms: fc.subarray(ROOMS, { minLength: 1 }),
    types: fc.subarray(TYPES, { minLength: 1 }),
    hours: opt(
      fc.constantFrom(
        [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
        [{ days: [1, 2, 3, 4, 5, 6, 7], from: '17:00', to: '23:00' }],
      ),
    ),
    riskFlaggedOnly: opt(fc.boolean()),
    publiclyAccessible: opt(fc.boolean()),
    purposeText: fc.constantFrom(
      'Voor uw veiligheid',
      'Bewijs van agressie bij terugvordering',
      'Bij een alarm in kamer 1 direct hulp halen en beeldbewijs vastleggen voor aangifte',
    ),
    kinds: fc.subarray([...PURPOSE_KINDS]),
    article: fc.constantFrom(...LEGAL_BASES),
    provision: opt(fc.constant('Arbeidsomstandighedenwet art. 3 lid 2')),
    incidents: fc.array(incidentArb, { maxLength: 5 }),
    danger: opt(
      fc.record({ statement: fc.constant('aangekondigde aanval'), date: fc.constantFrom(...DATES) }),
    ),
    statistics: opt(fc.constant('landelijke cijfers')),
    altStatuses: fc.array(
      fc.option(
        fc.record({
          status: fc.constantFrom(...ALTERNATIVE_STATUSES),
          reasons: fc.constantFrom('', 'onvoldoende omdat…'),
        }),
        { nil: undefined },
      ),
      {
        minLength: 9,
        maxLength: 9,
      },
    ),
    transparency: opt(
      fc.record({
        sign: fc.boolean(),
        signContents: opt(fc.subarray([...SIGN_ITEMS])),
        secondLayer: fc.boolean(),
        letterText: opt(fc.constant('brieftekst')),
      }),
    ),
    wc: opt(fc.constant('2023-12-01')),
    dpo: opt(fc.constant('2023-12-05')),
    retentionHours: opt(fc.constantFrom(24, 72, 336, 1000)),
    retentionJustification: opt(fc.constant('aangifte duurt langer')),
    automaticDeletion: opt(fc.boolean()),
    access: opt(
      fc.record({
        roles: fc.subarray(['FG', 'beveiliging']),
        fourEyes: fc.boolean(),
        logged: fc.boolean(),
        encryptedAtRest: fc.boolean(),
      }),
    ),
    reviewDate: opt(fc.constant('2025-01-01')),
    objection: opt(fc.boolean()),
    rights: opt(fc.boolean()),
    noStaffUse: opt(fc.boolean()),
    audioJustification: opt(fc.constant('verbale dreiging')),
    art9: opt(fc.constant('art. 9(2)(g) met wettelijke grondslag')),
    dpiaDate: opt(fc.constantFrom('2022-06-01', '2023-12-15')),
    views: opt(
      fc.record({
        sought: fc.boolean(),
        summary: opt(fc.constant('akkoord')),
        reasonNotSought: opt(fc.constant('spoed')),
      }),
    ),
    residualRisk: opt(fc.constantFrom(...SEVERITIES)),
    prior: opt(fc.constant('2023-12-20')),
    people: fc.record({
      staff: fc.boolean(),
      residents: fc.boolean(),
      minors: fc.boolean(),
      vulnerableGroups: fc.boolean(),
    }),
    conditionsAccess: fc.boolean(),
    claims: opt(
      fc.record({ signageCreatesExpectation: opt(fc.boolean()), usedForStaffAssessment: opt(fc.boolean()) }),
    ),
  })
  .map((g): Scenario => {
    const m = findMeasure(g.measureId);
    if (m === undefined) throw new Error('catalogue');
    const lighter = CATALOGUE.filter((c) => c.rank < m.rank);
    const alternatives = lighter.flatMap((c, i) => {
      const a = g.altStatuses[i];
      return a === undefined ? [] : [{ measure: c.id, status: a.status, reasons: a.reasons }];
    });
    return clean({
      title: 'fuzz',
      assessedOn: '2024-01-01',
      controller: { name: 'Gemeente', publicAuthority: true },
      measure: {
        id: g.measureId,
        audio: m.captures.includes('video') && !m.audio && g.audioOn ? true : undefined,
        startDate: g.startDate,
      },
      scope: {
        rooms: g.rooms.map((id) => ({ id })),
        conversationTypes: g.types,
        hours: g.hours,
        riskFlaggedOnly: g.riskFlaggedOnly,
        publiclyAccessible: g.publiclyAccessible,
      },
      purpose: { text: g.purposeText, kinds: g.kinds },
      legalBasis: { article: g.article, provision: g.provision },
      evidence: { incidents: g.incidents, imminentDanger: g.danger, statistics: g.statistics },
      alternatives,
      safeguards: {
        transparency: g.transparency,
        worksCouncilConsentDate: g.wc,
        dpoAdviceDate: g.dpo,
        retentionHours: g.retentionHours,
        retentionJustification: g.retentionJustification,
        automaticDeletion: g.automaticDeletion,
        access: g.access,
        reviewDate: g.reviewDate,
        objectionSwitchesOff: g.objection,
        rightsProcedure: g.rights,
        noStaffPerformanceUse: g.noStaffUse,
        audioJustification: g.audioJustification,
        art9Exception: g.art9,
      },
      dpia: {
        date: g.dpiaDate,
        dataSubjectViews: g.views,
        residualRisk: g.residualRisk,
        priorConsultationDate: g.prior,
      },
      peopleAffected: g.people,
      conditionsAccessToService: g.conditionsAccess,
      claims: g.claims,
    } as Scenario);
  });

const run = (s: Scenario): Assessment => {
  const r = assess(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Each adds one safeguard (or withdraws one harmful feature the controller controls). */
const SAFEGUARDS: readonly [string, (s: Scenario) => void][] = [
  ['works-council consent', (s) => void (s.safeguards.worksCouncilConsentDate = '2023-12-01')],
  ['DPO advice', (s) => void (s.safeguards.dpoAdviceDate = '2023-12-05')],
  ['rights procedure', (s) => void (s.safeguards.rightsProcedure = true)],
  ['objection switch', (s) => void (s.safeguards.objectionSwitchesOff = true)],
  ['no staff performance use', (s) => void (s.safeguards.noStaffPerformanceUse = true)],
  ['automatic deletion', (s) => void (s.safeguards.automaticDeletion = true)],
  ['review date', (s) => void (s.safeguards.reviewDate = '2025-01-01')],
  [
    'complete access rules',
    (s) =>
      void (s.safeguards.access = { roles: ['FG'], fourEyes: true, logged: true, encryptedAtRest: true }),
  ],
  [
    'complete notice',
    (s) =>
      void (s.safeguards.transparency = {
        sign: true,
        signContents: [...SIGN_ITEMS],
        secondLayer: true,
        letterText: 'brieftekst',
      }),
  ],
  ['retention justification', (s) => void (s.safeguards.retentionJustification = 'aangifte duurt langer')],
  ['audio justification', (s) => void (s.safeguards.audioJustification = 'verbale dreiging')],
  ['Art. 9(2) exception', (s) => void (s.safeguards.art9Exception = 'art. 9(2)(g)')],
  ['prior consultation', (s) => void (s.dpia.priorConsultationDate = '2023-12-20')],
  ['data-subject views', (s) => void (s.dpia.dataSubjectViews = { sought: true, summary: 'akkoord' })],
];

describe('assessment engine properties (issue 4: fuzzing the engine; DOMAIN.md section 5)', () => {
  it('every generated scenario is valid input', () => {
    fc.assert(fc.property(scenarioArb, (s) => validateScenario(s).ok));
  });

  it('any valid input yields a verdict', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(['not-permitted', 'permitted-with-conditions', 'permitted']).toContain(run(s).verdict);
      }),
    );
  });

  it('"permitted" never coexists with a fail finding (nor any non-pass)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = run(s);
        const anyFail = a.findings.some((f) => f.effectiveOutcome === 'fail');
        if (a.verdict === 'permitted')
          expect(a.findings.every((f) => f.effectiveOutcome === 'pass')).toBe(true);
        expect(anyFail).toBe(a.verdict === 'not-permitted');
      }),
    );
  });

  it('adding a safeguard never makes the verdict worse', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...SAFEGUARDS), (s, [, add]) => {
        const before = verdictRank(run(s).verdict);
        const t = structuredClone(s);
        add(t);
        expect(verdictRank(run(t).verdict)).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('times on incidents only sharpen NEC-3: dropping them never makes the verdict worse, and changes no other rule', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const timed = run(s);
        const t = structuredClone(s);
        t.evidence.incidents = (t.evidence.incidents ?? []).map(({ occurredAt: _o, ...i }) => i);
        const dateOnly = run(t);
        expect(verdictRank(dateOnly.verdict)).toBeGreaterThanOrEqual(verdictRank(timed.verdict));
        const others = (a: Assessment) =>
          a.findings.filter((f) => f.ruleId !== 'NEC-3').map((f) => [f.ruleId, f.outcome]);
        expect(others(dateOnly)).toEqual(others(timed));
      }),
    );
  });

  it('removing evidence never makes the verdict better', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.constantFrom('one-incident', 'all-incidents', 'danger', 'everything'),
        (s, i, what) => {
          const before = verdictRank(run(s).verdict);
          const t = structuredClone(s);
          const incidents = t.evidence.incidents ?? [];
          if (what === 'one-incident' && incidents.length > 0) incidents.splice(i % incidents.length, 1);
          if (what === 'all-incidents') delete t.evidence.incidents;
          if (what === 'danger') delete t.evidence.imminentDanger;
          if (what === 'everything') t.evidence = {};
          expect(verdictRank(run(t).verdict)).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});
