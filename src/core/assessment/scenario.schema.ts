/**
 * The scenario: everything the assessment needs about one measure for one scope, as a TypeBox
 * schema so the same definition is the TypeScript type, the runtime validator and the published
 * JSON Schema (docs/assessment/scenario.schema.json). Unknown properties are rejected: a typo in a
 * safeguard must never be silently ignored and read as "no safeguard".
 */
import { Type } from 'typebox';
import { MEASURE_IDS, PURPOSE_KINDS } from './catalogue.js';

const Id = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'Stable identifier (letters, digits, . _ -)',
});
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Prose = (description: string, maxLength = 4000) =>
  Type.String({ minLength: 1, maxLength, description });
const IsoDate = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
const Clock = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
  description: 'Local time HH:MM (24:00 = end of day)',
});

export const LEGAL_BASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export const ALTERNATIVE_STATUSES = [
  'in-place-insufficient',
  'considered-insufficient',
  'adopted-instead',
  'not-considered',
] as const;
export const INCIDENT_KINDS = [
  'verbal-aggression',
  'intimidation-or-threat',
  'discrimination',
  'damage-to-property',
  'physical-violence',
] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SIGN_ITEMS = [
  'purpose',
  'controller',
  'rights',
  'dpo-contact',
  'retention',
  'alarm-only',
  'second-layer-link',
] as const;

export const IncidentSchema = Type.Object(
  {
    date: Type.String({
      format: 'date',
      description: 'Calendar date, YYYY-MM-DD (in Europe/Amsterdam, the local date of occurredAt when given)',
    }),
    occurredAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'When it happened: ISO 8601 date-time with offset, e.g. 2023-06-01T19:30:00+02:00. Optional; NEC-3 compares the hours in scope with these times (Europe/Amsterdam)',
      }),
    ),
    kind: Type.Enum([...INCIDENT_KINDS]),
    severity: Type.Enum([...SEVERITIES]),
    policeReport: Type.Boolean({ description: 'A police report (aangifte) was filed' }),
    roomId: Id,
    conversationTypeId: Id,
    riskFlagged: Type.Optional(
      Type.Boolean({ description: 'The conversation carried a risk flag beforehand' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'A documented incident (DOMAIN.md section 7); never the resident’s identity',
  },
);

export const HourWindowSchema = Type.Object(
  {
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description: 'ISO weekdays, 1 = Monday',
    }),
    from: Clock,
    to: Clock,
  },
  { additionalProperties: false },
);

export const HumanJudgementSchema = Type.Object(
  {
    ruleId: Type.String({ minLength: 1, maxLength: 16 }),
    outcome: Type.Enum(['pass', 'fail']),
    name: Name,
    role: Type.Optional(Name),
    reasons: Prose('Why this person judged so'),
    date: IsoDate,
  },
  { additionalProperties: false, description: 'A person’s judgement on a rule the engine left for review' },
);

export const ScenarioSchema = Type.Object(
  {
    schemaVersion: Type.Optional(Type.Literal(1)),
    title: Name,
    assessedOn: Type.String({
      format: 'date',
      description: 'Date of the assessment: the reference for evidence recency and DPIA timing',
    }),
    controller: Type.Object(
      {
        name: Name,
        publicAuthority: Type.Boolean({
          description: 'A public authority acting in its tasks (e.g. a municipality)',
        }),
      },
      { additionalProperties: false },
    ),
    measure: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 64, description: `One of: ${MEASURE_IDS.join(', ')}` }),
        audio: Type.Optional(
          Type.Boolean({ description: 'Sound is recorded or transmitted; defaults to the catalogue value' }),
        ),
        preRollSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
        postRollSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
        camera: Type.Optional(Type.Enum(['fixed', 'flexible', 'body-worn'])),
        startDate: Type.Optional(
          Type.String({ format: 'date', description: 'Date the measure started or will start' }),
        ),
      },
      { additionalProperties: false },
    ),
    scope: Type.Object(
      {
        rooms: Type.Array(
          Type.Object({ id: Id, name: Type.Optional(Name) }, { additionalProperties: false }),
          { minItems: 1, maxItems: 200 },
        ),
        conversationTypes: Type.Array(
          Type.Object(
            {
              id: Id,
              name: Type.Optional(Name),
              sensitive: Type.Boolean({
                description:
                  'Reveals special-category or highly personal data (benefits, health, youth care, debts)',
              }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 200 },
        ),
        hours: Type.Optional(
          Type.Array(HourWindowSchema, {
            maxItems: 50,
            description: 'When the measure applies; omitted means at all hours',
          }),
        ),
        riskFlaggedOnly: Type.Optional(
          Type.Boolean({ description: 'Applies only to conversations that carry a risk flag' }),
        ),
        publiclyAccessible: Type.Optional(
          Type.Boolean({
            description: 'The room counts as a publicly accessible space (AP DPIA list item 9)',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    purpose: Type.Object(
      {
        text: Prose('The specific purpose, per room and kind of conversation', 2000),
        kinds: Type.Array(Type.Enum([...PURPOSE_KINDS]), { maxItems: 3, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
    legalBasis: Type.Object(
      {
        article: Type.Enum([...LEGAL_BASES], { description: 'GDPR Art. 6(1)(a..f)' }),
        provision: Type.Optional(
          Prose('The provision of Union or Member State law relied on (Art. 6(3))', 1000),
        ),
      },
      { additionalProperties: false },
    ),
    evidence: Type.Object(
      {
        incidents: Type.Optional(Type.Array(IncidentSchema, { maxItems: 10000 })),
        imminentDanger: Type.Optional(
          Type.Object(
            { statement: Prose('The concrete, imminent danger'), date: IsoDate },
            { additionalProperties: false },
          ),
        ),
        statistics: Type.Optional(Prose('General statistics (on their own not enough)')),
      },
      { additionalProperties: false },
    ),
    alternatives: Type.Array(
      Type.Object(
        {
          measure: Type.String({ minLength: 1, maxLength: 64 }),
          status: Type.Enum([...ALTERNATIVE_STATUSES]),
          reasons: Type.String({ maxLength: 4000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    safeguards: Type.Object(
      {
        transparency: Type.Optional(
          Type.Object(
            {
              sign: Type.Boolean({ description: 'First-layer sign placed before entry' }),
              signContents: Type.Optional(Type.Array(Type.Enum([...SIGN_ITEMS]), { uniqueItems: true })),
              secondLayer: Type.Boolean({ description: 'Second layer reachable (web page, leaflet, QR)' }),
              letterText: Type.Optional(Prose('Paragraph in the invitation letter')),
            },
            { additionalProperties: false },
          ),
        ),
        worksCouncilConsentDate: Type.Optional(IsoDate),
        dpoAdviceDate: Type.Optional(IsoDate),
        retentionHours: Type.Optional(Type.Number({ minimum: 0, maximum: 87600 })),
        retentionJustification: Type.Optional(Prose('Why footage is kept longer than 72 hours')),
        automaticDeletion: Type.Optional(Type.Boolean()),
        access: Type.Optional(
          Type.Object(
            {
              roles: Type.Array(Name, { maxItems: 20 }),
              fourEyes: Type.Boolean(),
              logged: Type.Boolean(),
              encryptedAtRest: Type.Boolean(),
            },
            { additionalProperties: false },
          ),
        ),
        reviewDate: Type.Optional(IsoDate),
        objectionSwitchesOff: Type.Optional(
          Type.Boolean({ description: 'Staff can stop the processing at once when a resident objects' }),
        ),
        rightsProcedure: Type.Optional(
          Type.Boolean({
            description:
              'Access, erasure and objection requests are answered within one month, other people masked',
          }),
        ),
        noStaffPerformanceUse: Type.Optional(
          Type.Boolean({ description: 'Written rule: footage is never used to assess staff' }),
        ),
        audioJustification: Type.Optional(Prose('Separate justification for sound')),
        art9Exception: Type.Optional(Prose('The Art. 9(2) exception relied on for special-category data')),
      },
      { additionalProperties: false },
    ),
    dpia: Type.Object(
      {
        date: Type.Optional(IsoDate),
        dataSubjectViews: Type.Optional(
          Type.Object(
            {
              sought: Type.Boolean(),
              summary: Type.Optional(Prose('What the data subjects or their representatives said')),
              reasonNotSought: Type.Optional(Prose('Why their views were not sought')),
            },
            { additionalProperties: false },
          ),
        ),
        residualRisk: Type.Optional(Type.Enum([...SEVERITIES])),
        priorConsultationDate: Type.Optional(IsoDate),
      },
      { additionalProperties: false },
    ),
    peopleAffected: Type.Object(
      {
        staff: Type.Boolean(),
        residents: Type.Boolean(),
        minors: Type.Boolean(),
        vulnerableGroups: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    conditionsAccessToService: Type.Boolean({
      description: 'Residents who refuse the measure lose (access to) the service',
    }),
    claims: Type.Optional(
      Type.Object(
        {
          signageCreatesExpectation: Type.Optional(
            Type.Boolean({ description: 'The assessment argues that signs make being filmed expected' }),
          ),
          usedForStaffAssessment: Type.Optional(
            Type.Boolean({ description: 'Footage is (or may be) used to assess staff performance' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    humanJudgements: Type.Optional(Type.Array(HumanJudgementSchema, { maxItems: 50 })),
  },
  {
    additionalProperties: false,
    title: 'Proportio assessment scenario',
    description:
      'One measure for one scope (rooms × kinds of conversation × hours), with its purpose, legal basis, evidence, alternatives and safeguards.',
  },
);

export type Scenario = Type.Static<typeof ScenarioSchema>;
export type Incident = Type.Static<typeof IncidentSchema>;
export type HourWindow = Type.Static<typeof HourWindowSchema>;
export type HumanJudgement = Type.Static<typeof HumanJudgementSchema>;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type AlternativeStatus = (typeof ALTERNATIVE_STATUSES)[number];
