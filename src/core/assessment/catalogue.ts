/**
 * The measure catalogue (DOMAIN.md section 3), ordered from least to most intrusive. The
 * subsidiarity test (NEC-2) walks it from the top; the alternatives comparison evaluates every
 * entry for the same scope. Attributes are the facts the rules need, not marketing.
 */
import { t, type Text } from './text.js';

export const MEASURE_IDS = [
  'room-design',
  'de-escalation',
  'second-staff-member',
  'host-nearby',
  'alarm-button',
  'live-view',
  'incident-recording',
  'continuous-video',
  'audio-recording',
  'covert-recording',
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];

/** What ends up processed: nothing, the alarm log (staff member, room, time), images, sound. */
export type Capture = 'alarm-log' | 'video' | 'audio';
/** What starts the processing. */
export type Trigger = 'none' | 'manual-alarm' | 'continuous' | 'live';
/** How well a measure serves one purpose kind. Only 'yes' meets a stated purpose. */
export type Achievement = 'yes' | 'partial' | 'no';
export type PurposeKind = 'immediate-help' | 'deterrence' | 'evidence';
export const PURPOSE_KINDS: readonly PurposeKind[] = ['immediate-help', 'deterrence', 'evidence'];

export interface Measure {
  readonly id: MeasureId;
  /** 1 = least intrusive. */
  readonly rank: number;
  readonly name: Text;
  readonly captures: readonly Capture[];
  readonly trigger: Trigger;
  /** Sound is part of the measure by design (cannot be switched off without changing the measure). */
  readonly audio: boolean;
  /** Images or sound are persisted (not only shown or held in memory). */
  readonly stores: boolean;
  /** Default retention of what is stored, in hours; null when nothing is stored. */
  readonly defaultRetentionHours: number | null;
  readonly whoSees: Text;
  readonly covert: boolean;
  readonly achieves: Readonly<Record<PurposeKind, Achievement>>;
  /** Can observe staff presence, behaviour or performance (WOR art. 27(1)(l)). */
  readonly observesStaff: boolean;
  readonly pros: Text;
  readonly cons: Text;
}

/** Processes personal data of residents (images or sound of the conversation). */
export const processesResidentData = (m: Measure): boolean =>
  m.captures.includes('video') || m.captures.includes('audio');
/** Processes any personal data at all (the alarm log holds the staff member, room and time). */
export const processesPersonalData = (m: Measure): boolean => m.captures.length > 0;

export const CATALOGUE: readonly Measure[] = [
  {
    id: 'room-design',
    rank: 1,
    name: t(
      'Inrichting van de spreekkamer (vluchtdeur, vast meubilair, bureaudiepte, glazen paneel, zitplan)',
      'Room design (escape door, fixed furniture, desk depth, glazed panel, seating plan)',
    ),
    captures: [],
    trigger: 'none',
    audio: false,
    stores: false,
    defaultRetentionHours: null,
    whoSees: t('niemand', 'nobody'),
    covert: false,
    achieves: { 'immediate-help': 'partial', deterrence: 'partial', evidence: 'no' },
    observesStaff: false,
    pros: t('Verwerkt geen persoonsgegevens; werkt altijd', 'Processes no personal data; always on'),
    cons: t(
      'Haalt geen hulp; verbouwing kost tijd en geld',
      'Summons no help; alterations take time and money',
    ),
  },
  {
    id: 'de-escalation',
    rank: 2,
    name: t(
      'De-escalatietraining, triage van afspraken, gesprek elders of via beeldbellen',
      'De-escalation training, appointment triage, conversation elsewhere or by video call',
    ),
    captures: [],
    trigger: 'none',
    audio: false,
    stores: false,
    defaultRetentionHours: null,
    whoSees: t('niemand', 'nobody'),
    covert: false,
    achieves: { 'immediate-help': 'partial', deterrence: 'partial', evidence: 'no' },
    observesStaff: false,
    pros: t(
      'Voorkomt escalatie; geen of minimale verwerking',
      'Prevents escalation; no or minimal processing',
    ),
    cons: t('Helpt niet als het toch escaleert', 'Does not help once a conversation escalates'),
  },
  {
    id: 'second-staff-member',
    rank: 3,
    name: t('Tweede medewerker aanwezig bij het gesprek', 'Second staff member present'),
    captures: [],
    trigger: 'none',
    audio: false,
    stores: false,
    defaultRetentionHours: null,
    whoSees: t('de tweede medewerker', 'the second staff member'),
    covert: false,
    achieves: { 'immediate-help': 'yes', deterrence: 'yes', evidence: 'partial' },
    observesStaff: false,
    pros: t(
      'Directe hulp en een getuige; geen persoonsgegevens',
      'Immediate help and a witness; no personal data',
    ),
    cons: t(
      'Kost personeel; een extra persoon kan een vertrouwelijk gesprek beïnvloeden',
      'Costs staff time; an extra person can affect a confidential conversation',
    ),
  },
  {
    id: 'host-nearby',
    rank: 4,
    name: t('Gastheer of beveiliger in de buurt', 'Host or guard nearby'),
    captures: [],
    trigger: 'none',
    audio: false,
    stores: false,
    defaultRetentionHours: null,
    whoSees: t('niemand (alleen bij binnenkomst)', 'nobody (only on entering)'),
    covert: false,
    achieves: { 'immediate-help': 'yes', deterrence: 'yes', evidence: 'partial' },
    observesStaff: false,
    pros: t('Kan direct ingrijpen; geen persoonsgegevens', 'Can intervene at once; no personal data'),
    cons: t(
      'Kost personeel; moet weten dat er iets misgaat',
      'Costs staff; must learn that something is wrong',
    ),
  },
  {
    id: 'alarm-button',
    rank: 5,
    name: t(
      'Alarmknop (vast of mobiel) die collega’s waarschuwt',
      'Alarm button (fixed or mobile) that alerts colleagues',
    ),
    captures: ['alarm-log'],
    trigger: 'manual-alarm',
    audio: false,
    stores: true,
    defaultRetentionHours: null,
    whoSees: t(
      'hulpverleners van de locatie; beveiligingscoördinator (alarmlog)',
      'responders of the site; security coordinator (alarm log)',
    ),
    covert: false,
    achieves: { 'immediate-help': 'yes', deterrence: 'partial', evidence: 'partial' },
    observesStaff: true,
    pros: t(
      'Haalt direct hulp; geen beeld of geluid van inwoners',
      'Summons help at once; no images or sound of residents',
    ),
    cons: t(
      'Levert geen beeldbewijs; alarmlog kan medewerkers volgen (OR-instemming)',
      'Provides no footage; the alarm log can observe staff (works-council consent)',
    ),
  },
  {
    id: 'live-view',
    rank: 6,
    name: t('Live camerabeeld zonder opname', 'Live camera view without recording'),
    captures: ['video'],
    trigger: 'live',
    audio: false,
    stores: false,
    defaultRetentionHours: null,
    whoSees: t('wie meekijkt (beveiliging of collega’s)', 'whoever watches (security or colleagues)'),
    covert: false,
    achieves: { 'immediate-help': 'yes', deterrence: 'yes', evidence: 'no' },
    observesStaff: true,
    pros: t('Iemand kan ingrijpen zodra het misgaat', 'Someone can intervene as soon as things go wrong'),
    cons: t(
      'Niet lichter dan opnemen: er kijkt iemand mee bij elk gesprek',
      'Not lighter than recording: someone watches every conversation',
    ),
  },
  {
    id: 'incident-recording',
    rank: 7,
    name: t(
      'Opname alleen bij alarm (“zwarte doos”): korte buffer in het geheugen, bewaard alleen als de alarmknop wordt ingedrukt',
      'Incident-triggered recording ("black box"): a short buffer held in memory, persisted only when the alarm is pressed',
    ),
    captures: ['video', 'alarm-log'],
    trigger: 'manual-alarm',
    audio: false,
    stores: true,
    defaultRetentionHours: 72,
    whoSees: t(
      'alleen benoemde rollen, na goedkeuring door een tweede persoon',
      'named roles only, after approval by a second person',
    ),
    covert: false,
    achieves: { 'immediate-help': 'yes', deterrence: 'partial', evidence: 'yes' },
    observesStaff: true,
    pros: t(
      'Bewijs van het incident zonder elk gesprek op te slaan; het alarm haalt hulp',
      'Evidence of the incident without storing every conversation; the alarm summons help',
    ),
    cons: t(
      'Camera in een vertrouwelijk gesprek; vraagt grondslag, DPIA, bebording en OR-instemming',
      'A camera in a confidential conversation; needs basis, DPIA, signage and works-council consent',
    ),
  },
  {
    id: 'continuous-video',
    rank: 8,
    name: t(
      'Doorlopende video-opname van aangewezen gesprekken',
      'Continuous video recording of designated conversations',
    ),
    captures: ['video'],
    trigger: 'continuous',
    audio: false,
    stores: true,
    defaultRetentionHours: 72,
    whoSees: t(
      'benoemde rollen, na goedkeuring door een tweede persoon',
      'named roles, after approval by a second person',
    ),
    covert: false,
    achieves: { 'immediate-help': 'no', deterrence: 'yes', evidence: 'yes' },
    observesStaff: true,
    pros: t('Bewijs, ook als niemand alarm kon slaan', 'Evidence, even when nobody could raise the alarm'),
    cons: t(
      'Slaat elk gesprek op; alleen met bewijs voor juist die gesprekken en korte bewaartermijn',
      'Stores every conversation; only with evidence for exactly those conversations and short retention',
    ),
  },
  {
    id: 'audio-recording',
    rank: 9,
    name: t('Opname van beeld en geluid', 'Recording of images and sound'),
    captures: ['video', 'audio'],
    trigger: 'continuous',
    audio: true,
    stores: true,
    defaultRetentionHours: 72,
    whoSees: t('benoemde rollen', 'named roles'),
    covert: false,
    achieves: { 'immediate-help': 'no', deterrence: 'yes', evidence: 'yes' },
    observesStaff: true,
    pros: t('Legt ook vast wat er gezegd is', 'Also captures what was said'),
    cons: t(
      'Legt de inhoud van het gesprek vast, vaak bijzondere persoonsgegevens; vermoeden tegen geluid',
      'Captures the content of the conversation, often special-category data; presumption against sound',
    ),
  },
  {
    id: 'covert-recording',
    rank: 10,
    name: t('Heimelijke opname', 'Covert recording'),
    captures: ['video'],
    trigger: 'continuous',
    audio: false,
    stores: true,
    defaultRetentionHours: null,
    whoSees: t('onderzoekers', 'investigators'),
    covert: true,
    achieves: { 'immediate-help': 'no', deterrence: 'no', evidence: 'yes' },
    observesStaff: true,
    pros: t('Bewijs bij een concrete verdenking', 'Evidence under a concrete suspicion'),
    cons: t(
      'Nooit een kamerbeleid; alleen onder de voorwaarden van de AP voor heimelijk toezicht',
      'Never a room policy; only under the AP conditions for covert monitoring',
    ),
  },
];

export const findMeasure = (id: string): Measure | undefined => CATALOGUE.find((m) => m.id === id);

export const isMeasureId = (id: string): id is MeasureId => (MEASURE_IDS as readonly string[]).includes(id);
