/**
 * The wizard's answers and the scenario they make (docs/assessment/README.md). The wizard asks
 * only what the rules read; what the workflow records itself (DPO advice, views, judgements,
 * incidents) is never asked here.
 */
import {
  MEASURE_IDS,
  type AlternativeStatus,
  type LegalBasis,
  type PurposeKind,
  type Scenario,
} from '../api.js';
import type { Registry } from '../registry.js';

const CAMERA_MEASURES = [
  'live-view',
  'incident-recording',
  'continuous-video',
  'audio-recording',
  'covert-recording',
];
const RECORDING_MEASURES = ['incident-recording', 'continuous-video', 'audio-recording', 'covert-recording'];

export const hasCamera = (measure: string): boolean => CAMERA_MEASURES.includes(measure);
export const records = (measure: string): boolean => RECORDING_MEASURES.includes(measure);
export const recordsAudio = (s: WizardState): boolean =>
  s.measure === 'audio-recording' || (hasCamera(s.measure) && s.audio);

/** The measures lighter than this one: each must be addressed (NEC-2). */
export const lighterThan = (measure: string): string[] => {
  const i = (MEASURE_IDS as readonly string[]).indexOf(measure);
  return i < 0 ? [] : MEASURE_IDS.slice(0, i);
};

const today = (): string => new Date().toISOString().slice(0, 10);

/** How a lighter measure was addressed; '' until the user picks a status (then it is left out). */
export interface Alternative {
  readonly status: AlternativeStatus | '';
  readonly reasons: string;
}

type ResidualRisk = NonNullable<Scenario['dpia']['residualRisk']>;

/**
 * A question with two explicit answers and none picked until the user picks one: ticking a
 * checkbox by mistake must not decide a blocking question.
 */
export type YesNo = '' | 'yes' | 'no';

/** The answers of a new assessment; their types are the wizard's state (one list of fields, not two). */
const INITIAL = {
  title: '',
  measure: 'incident-recording' as string,
  rooms: [] as readonly string[],
  types: [] as readonly string[],
  riskOnly: false,
  workHours: false,
  from: '08:30',
  to: '17:00',
  preRoll: '30',
  postRoll: '120',
  audio: false,
  publiclyAccessible: false,
  purposeText: '',
  purposeKinds: [] as readonly PurposeKind[],
  publicAuthority: true,
  article: 'e' as LegalBasis,
  provision: '',
  danger: '',
  dangerDate: '',
  statistics: '',
  alternatives: {} as Readonly<Record<string, Alternative>>,
  sign: false,
  secondLayer: false,
  letter: '',
  worksCouncil: '',
  retention: '',
  retentionJustification: '',
  automaticDeletion: false,
  accessRoles: '',
  fourEyes: false,
  logged: false,
  encrypted: false,
  reviewDate: '',
  objection: '' as YesNo,
  rights: false,
  noStaffUse: false,
  audioJustification: '',
  art9: '',
  dpiaDate: '',
  residualRisk: '' as ResidualRisk | '',
  priorConsultation: '',
  staff: true,
  residents: true,
  minors: false,
  vulnerable: false,
  conditionsAccess: '' as YesNo,
};

export type WizardState = Readonly<typeof INITIAL>;

export const initialState = (): WizardState => INITIAL;

const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const int = (s: string): number | undefined =>
  s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s);
const yesNo = (a: YesNo): boolean | undefined => (a === '' ? undefined : a === 'yes');
const fromBoolean = (b: boolean | undefined): YesNo => (b === undefined ? '' : b ? 'yes' : 'no');
const drop = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const toScenario = (s: WizardState, registry: Registry, organisation: string): Scenario => {
  const camera = hasCamera(s.measure);
  const recording = records(s.measure);
  const audio = recordsAudio(s);
  return {
    schemaVersion: 1,
    title: s.title.trim() || '—',
    assessedOn: today(),
    controller: { name: organisation || '—', publicAuthority: s.publicAuthority },
    measure: drop({
      id: s.measure,
      audio: camera && s.measure !== 'audio-recording' && s.audio ? true : undefined,
      preRollSeconds: s.measure === 'incident-recording' ? int(s.preRoll) : undefined,
      postRollSeconds: s.measure === 'incident-recording' ? int(s.postRoll) : undefined,
      camera: camera ? ('fixed' as const) : undefined,
    }),
    scope: drop({
      rooms: s.rooms.map((id) => ({ id, name: registry.roomName(id) })),
      conversationTypes: s.types.map((id) => ({
        id,
        name: registry.typeName(id),
        sensitive: registry.types.find((c) => c.id === id)?.sensitive ?? true,
      })),
      hours: s.workHours ? [{ days: [1, 2, 3, 4, 5], from: s.from, to: s.to }] : undefined,
      riskFlaggedOnly: s.riskOnly || undefined,
      publiclyAccessible: camera ? s.publiclyAccessible : undefined,
    }),
    purpose: { text: s.purposeText.trim() || '—', kinds: [...s.purposeKinds] },
    legalBasis: drop({ article: s.article, provision: text(s.provision) }),
    evidence: drop({
      imminentDanger:
        text(s.danger) && s.dangerDate ? { statement: s.danger.trim(), date: s.dangerDate } : undefined,
      statistics: text(s.statistics),
    }),
    alternatives: lighterThan(s.measure).flatMap((m) => {
      const a = s.alternatives[m];
      return a && a.status !== '' ? [{ measure: m, status: a.status, reasons: a.reasons }] : [];
    }),
    safeguards: drop({
      transparency: camera
        ? {
            sign: s.sign,
            secondLayer: s.secondLayer,
            ...(s.sign
              ? {
                  signContents: [
                    'purpose' as const,
                    'controller' as const,
                    'rights' as const,
                    'dpo-contact' as const,
                    'retention' as const,
                    ...(s.measure === 'incident-recording' ? ['alarm-only' as const] : []),
                    ...(s.secondLayer ? ['second-layer-link' as const] : []),
                  ],
                }
              : {}),
            ...(text(s.letter) ? { letterText: s.letter.trim() } : {}),
          }
        : undefined,
      worksCouncilConsentDate: text(s.worksCouncil),
      retentionHours: recording ? int(s.retention) : undefined,
      retentionJustification: recording ? text(s.retentionJustification) : undefined,
      automaticDeletion: recording ? s.automaticDeletion : undefined,
      access: camera
        ? {
            roles: s.accessRoles
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
            fourEyes: s.fourEyes,
            logged: s.logged,
            encryptedAtRest: s.encrypted,
          }
        : undefined,
      reviewDate: text(s.reviewDate),
      objectionSwitchesOff: camera ? yesNo(s.objection) : undefined,
      rightsProcedure: s.rights,
      noStaffPerformanceUse: camera ? s.noStaffUse : undefined,
      audioJustification: audio ? text(s.audioJustification) : undefined,
      art9Exception: audio ? text(s.art9) : undefined,
    }),
    dpia: drop({
      date: text(s.dpiaDate),
      residualRisk: s.residualRisk === '' ? undefined : s.residualRisk,
      priorConsultationDate: s.residualRisk === 'high' ? text(s.priorConsultation) : undefined,
    }),
    peopleAffected: {
      staff: s.staff,
      residents: s.residents,
      minors: s.minors,
      vulnerableGroups: s.vulnerable,
    },
    // Unanswered counts as "no" here (the lawful state the stored schema always had); the wizard
    // shows the question as open until it is answered, and saving asks for the answer.
    conditionsAccessToService: s.conditionsAccess === 'yes',
  };
};

/** Back from a stored scenario, to change it (a new version once advised on or decided). */
export const fromScenario = (sc: Scenario): WizardState => {
  const base = initialState();
  const sg = sc.safeguards;
  const hours = sc.scope.hours?.[0];
  return {
    ...base,
    title: sc.title,
    measure: sc.measure.id,
    rooms: sc.scope.rooms.map((r) => r.id),
    types: sc.scope.conversationTypes.map((c) => c.id),
    riskOnly: sc.scope.riskFlaggedOnly ?? false,
    workHours: hours !== undefined,
    from: hours?.from ?? base.from,
    to: hours?.to ?? base.to,
    preRoll: String(sc.measure.preRollSeconds ?? base.preRoll),
    postRoll: String(sc.measure.postRollSeconds ?? base.postRoll),
    audio: sc.measure.audio ?? false,
    publiclyAccessible: sc.scope.publiclyAccessible ?? false,
    purposeText: sc.purpose.text,
    purposeKinds: sc.purpose.kinds,
    publicAuthority: sc.controller.publicAuthority,
    article: sc.legalBasis.article,
    provision: sc.legalBasis.provision ?? '',
    danger: sc.evidence.imminentDanger?.statement ?? '',
    dangerDate: sc.evidence.imminentDanger?.date ?? '',
    statistics: sc.evidence.statistics ?? '',
    alternatives: Object.fromEntries(
      sc.alternatives.map((a) => [a.measure, { status: a.status, reasons: a.reasons }]),
    ),
    sign: sg.transparency?.sign ?? false,
    secondLayer: sg.transparency?.secondLayer ?? false,
    letter: sg.transparency?.letterText ?? '',
    worksCouncil: sg.worksCouncilConsentDate ?? '',
    retention: sg.retentionHours === undefined ? '' : String(sg.retentionHours),
    retentionJustification: sg.retentionJustification ?? '',
    automaticDeletion: sg.automaticDeletion ?? false,
    accessRoles: sg.access?.roles.join(', ') ?? '',
    fourEyes: sg.access?.fourEyes ?? false,
    logged: sg.access?.logged ?? false,
    encrypted: sg.access?.encryptedAtRest ?? false,
    reviewDate: sg.reviewDate ?? '',
    objection: fromBoolean(sg.objectionSwitchesOff),
    rights: sg.rightsProcedure ?? false,
    noStaffUse: sg.noStaffPerformanceUse ?? false,
    audioJustification: sg.audioJustification ?? '',
    art9: sg.art9Exception ?? '',
    dpiaDate: sc.dpia.date ?? '',
    residualRisk: sc.dpia.residualRisk ?? '',
    priorConsultation: sc.dpia.priorConsultationDate ?? '',
    staff: sc.peopleAffected.staff,
    residents: sc.peopleAffected.residents,
    minors: sc.peopleAffected.minors,
    vulnerable: sc.peopleAffected.vulnerableGroups,
    // A stored scenario always answered it (a boolean): show that answer.
    conditionsAccess: sc.conditionsAccessToService ? 'yes' : 'no',
  };
};
