/** Texts of the everyday pages (issue 11): the start page's to-do list. */
import type { AuditGroup } from '../../../src/core/audit/sentences.js';
import { count, plural } from './plural.js';

export const todoNl = {
  heading: 'Te doen',
  loggedInAs: (name: string, roles: string) => `U bent ingelogd als ${name} (${roles}).`,
  summary: (n: number) => `U heeft ${count('nl', n, { one: 'taak', other: 'taken' })} te doen.`,
  nothing: 'Niets te doen',
  nothingBody: 'Er wacht op dit moment niets op u. Komt er iets bij, dan ziet u het hier.',
  alarm: 'Alarm',
  alarmLink: 'Naar de alarmknop',
  alarmHint: 'Voelt een gesprek onveilig? Met de alarmknop roept u meteen hulp in.',
  groups: {
    decide: (n: number) =>
      `${count('nl', n, { one: 'afweging wacht', other: 'afwegingen wachten' })} op uw besluit`,
    advise: (n: number) =>
      `${count('nl', n, { one: 'afweging wacht', other: 'afwegingen wachten' })} op advies van de functionaris gegevensbescherming`,
    review: (n: number) =>
      `${count('nl', n, { one: 'herziening komt', other: 'herzieningen komen' })} eraan of ${plural('nl', n, { one: 'is', other: 'zijn' })} verstreken`,
    expires: (n: number) =>
      `${count('nl', n, { one: 'besluit loopt', other: 'besluiten lopen' })} binnenkort af`,
    report: (n: number) =>
      `${count('nl', n, { one: 'incidentmelding', other: 'incidentmeldingen' })} nog in te vullen`,
    'approve-viewing': (n: number) =>
      `${count('nl', n, { one: 'verzoek', other: 'verzoeken' })} om inzage ${plural('nl', n, { one: 'wacht', other: 'wachten' })} op uw goedkeuring`,
    'hold-lapses': (n: number) =>
      `${count('nl', n, { one: 'bewaarplicht loopt', other: 'bewaarplichten lopen' })} binnenkort af`,
    'answer-complaint': (n: number) =>
      `${count('nl', n, { one: 'klacht of vraag moet', other: 'klachten of vragen moeten' })} binnenkort beantwoord zijn`,
    'answer-request': (n: number) =>
      `${count('nl', n, { one: 'verzoek van een bewoner moet', other: 'verzoeken van bewoners moeten' })} binnenkort of nu al beantwoord zijn`,
  },
  decide: {
    link: (title: string) => `Besluit over ‘${title}’`,
    rest: (date: string) => `ingediend op ${date}.`,
  },
  advise: {
    link: (title: string) => `Geef advies over ‘${title}’`,
    rest: (date: string) => `sinds ${date}; zonder uw advies kan er geen besluit worden genomen.`,
  },
  review: {
    link: (title: string) => `Herzie ‘${title}’`,
    rest: (date: string, overdue: boolean) =>
      overdue ? `de herzieningsdatum ${date} is verstreken.` : `herzieningsdatum ${date}.`,
  },
  expires: {
    link: (title: string) => `Verleng of herzie ‘${title}’`,
    rest: (date: string) => `het besluit geldt tot ${date}; daarna stopt wat het toestaat.`,
  },
  report: {
    link: (room: string) => `Vul de melding in van ${room}`,
    rest: (when: string) => `incident op ${when}.`,
  },
  'approve-viewing': {
    link: (person: string) => `Beoordeel het verzoek om inzage van ${person}`,
    rest: (room: string, when: string) => `beelden van ${room}, gevraagd op ${when}.`,
  },
  'hold-lapses': {
    link: (room: string) => `Bekijk de bewaarplicht op beelden van ${room}`,
    rest: (date: string) => `loopt af op ${date}; daarna kan de bewaartermijn de beelden wissen.`,
  },
  'answer-complaint': {
    link: (subject: string) => `Beantwoord ‘${subject}’`,
    rest: (date: string, overdue: boolean) =>
      overdue ? `de termijn liep af op ${date}.` : `uiterlijk op ${date}.`,
  },
  'answer-request': {
    link: (room: string) => `Beantwoord het verzoek van een bewoner${room ? ` over ${room}` : ''}`,
    rest: (date: string, overdue: boolean) =>
      overdue ? `de termijn liep af op ${date}.` : `uiterlijk ${date} (AVG art. 12 lid 3).`,
  },
};

export const registerNl = {
  search: 'Zoeken in vervolg, aangifte en toelichting',
  searchHint: 'Bijvoorbeeld een kenmerk van de aangifte of een woord uit de toelichting.',
  allKinds: 'Alle soorten',
  allSeverities: 'Elke ernst',
  status: 'Rapport',
  allStatuses: 'Ingevuld en nog in te vullen',
  statusReported: 'Ingevuld',
  statusUnreported: 'Nog in te vullen',
  police: 'Aangifte',
  policeAny: 'Met en zonder aangifte',
  policeYes: 'Met aangifte',
  policeNo: 'Zonder aangifte',
  reset: 'Filters wissen',
  /** "1–25 van 132 incidenten" */
  range: (first: number, last: number, total: number) =>
    `${first}–${last} van ${count('nl', total, { one: 'incident', other: 'incidenten' })}`,
  found: (total: number) => `${count('nl', total, { one: 'incident', other: 'incidenten' })} gevonden.`,
  pagination: 'Bladeren door het register',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
  page: (n: number, of: number) => `Pagina ${n} van ${of}`,
  fillIn: (room: string, when: string) => `Nog invullen: melding van ${room}, ${when}`,
};

/** The audit log's "what" filter: typed as a Record, so a group without a label does not compile. */
const AUDIT_GROUPS_NL: Readonly<Record<AuditGroup, string>> = {
  auth: 'Inloggen en sleutels',
  users: 'Gebruikers',
  registry: 'Locaties, ruimtes, camera’s en knoppen',
  alarms: 'Alarmen en gesprekken',
  incidents: 'Incidenten',
  assessments: 'Afwegingen en opnamebeleid',
  recording: 'Opnemen',
  footage: 'Inzage, bewaarplicht en export van beelden',
  vault: 'Kluis en sleutelbewaarders',
  settings: 'Instellingen',
  complaints: 'Klachten en vragen van de toezichthouder',
};

export const auditLogNl = {
  filters: 'Filteren',
  who: 'Wie',
  everyone: 'Iedereen',
  what: 'Wat',
  everything: 'Alles',
  from: 'Vanaf (datum)',
  to: 'Tot en met (datum)',
  apply: 'Toon',
  found: (n: number) => `${count('nl', n, { one: 'regel', other: 'regels' })} gevonden.`,
  export: 'Downloaden als CSV (voor Excel)',
  event: 'Gebeurtenis',
  groups: AUDIT_GROUPS_NL,
  yes: 'ja',
  no: 'nee',
  /** Values the server records in English words (a login method), in Dutch. */
  values: { password: 'wachtwoord', token: 'API-token', device: 'apparaat' } as Readonly<
    Record<string, string>
  >,
  facts: {
    reason: 'Reden',
    method: 'Manier',
    roles: 'Rollen',
    outcome: 'Uitkomst',
    version: 'Versie',
    kind: 'Soort',
    severity: 'Ernst',
    injury: 'Letsel',
    policeReport: 'Aangifte',
    policeReference: 'Kenmerk aangifte',
    followUp: 'Vervolg vastgelegd',
    narrative: 'Toelichting vastgelegd',
    until: 'Tot',
    legalGround: 'Grondslag',
    purposes: 'Doelen',
    name: 'Naam',
    username: 'Gebruikersnaam',
    displayName: 'Naam',
    disabled: 'Geblokkeerd',
    title: 'Titel',
    recommendation: 'Aanbeveling',
    verdict: 'Oordeel',
    trigger: 'Aanleiding',
    seq: 'Volgnummer',
    value: 'Waarde',
    key: 'Instelling',
    silent: 'Stil alarm',
    source: 'Bron',
    play: 'Afspeelbeurt',
    playsLeft: 'Afspeelbeurten over',
    room: 'Spreekkamer',
    site: 'Locatie',
    sites: 'Locaties',
    camera: 'Camera',
    conversationType: 'Soort gesprek',
    user: 'Gebruiker',
    custodians: 'Sleutelbewaarders',
    assessment: 'Afweging',
    assessments: 'Afwegingen',
    by: 'Door',
    expiresAt: 'Verloopt',
    plays: 'Afspeelbeurten',
    exportAllowed: 'Export toegestaan',
    approvedBy: 'Goedgekeurd door',
    approval: 'Goedkeuring nummer',
    of: 'Goedkeuringen nodig',
    policeReportNumber: 'Nummer aangifte',
    decision: 'Besluit',
    first: 'Eerste die reageert',
    to: 'Naar',
    from: 'Van',
    scope: 'Geldt voor',
    channel: 'Binnengekomen via',
    dueOn: 'Uiterlijk',
    receivedOn: 'Ontvangen op',
    lockedUntil: 'Geblokkeerd tot',
    apiTokensEnded: 'API-tokens beëindigd',
    codeExpiresAt: 'Aanmeldcode geldig tot',
    recipient: 'Publieke sleutel van de agent',
  } as Record<string, string>,
};
