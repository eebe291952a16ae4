/**
 * The texts of the recorder agents page (issue 13 §2, ADR 0015, docs/agents.md) in Dutch; nl.ts
 * includes them as `agents`. The glossary's word is "opnameagent" (the error texts use it too).
 */
import type { AgentReport, AgentState } from '../api-types.js';
import { count } from './plural.js';

/** A lag or a wait in words: "45 seconden", "12 minuten", "2 uur en 5 minuten", "3 dagen". */
const inWords = (seconds: number): string => {
  if (seconds < 60) return count('nl', seconds, { one: 'seconde', other: 'seconden' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return count('nl', minutes, { one: 'minuut', other: 'minuten' });
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60 === 0
      ? `${hours} uur`
      : `${hours} uur en ${count('nl', minutes % 60, { one: 'minuut', other: 'minuten' })}`;
  return count('nl', Math.floor(hours / 24), { one: 'dag', other: 'dagen' });
};

export const agentsNl = {
  title: 'Opnameagenten',
  intro:
    'Een opnameagent neemt op een locatie op waar de server de camera’s niet zelf kan of mag bereiken. Hier registreert u een agent, ziet u hoe het met hem gaat en trekt u hem in.',
  /** For who may only read (security, the privacy officer, the auditor). */
  introReadOnly:
    'Een opnameagent neemt op een locatie op waar de server de camera’s niet zelf kan of mag bereiken. Hier ziet u hoe het met elke agent gaat; registreren en intrekken doet de functioneel beheerder.',
  whatTitle: 'Wat is een opnameagent?',
  what: 'Een opnameagent is een klein programma op een computer op de locatie zelf, naast de camera’s. Hij neemt op zoals de server dat doet: het beeld van vóór een alarm houdt hij alleen in het geheugen, elke opname versleutelt hij meteen met de openbare sleutel van de kluis en hij stuurt alleen versleutelde delen naar de server. Zelf kan hij geen beelden openen.',
  when: 'U heeft een agent nodig als de camera’s van een locatie op het eigen netwerk van die locatie zitten en de server ze niet kan bereiken, of als het beeld niet onversleuteld over het netwerk mag. Zolang een locatie een aangemelde agent heeft, neemt de server de camera’s van die locatie zelf niet op: een camera wordt nooit twee keer opgenomen.',
  docs: 'Installeren en aanmelden staan in de handleiding voor beheer, hoofdstuk opnameagenten (docs/agents.md).',
  empty: 'Er zijn nog geen opnameagenten. Alle camera’s worden opgenomen door de server zelf.',
  caption: 'Alle opnameagenten',
  name: 'Naam',
  site: 'Locatie',
  state: 'Status',
  lastContact: 'Laatste contact',
  lag: 'Achterstand',
  armedCameras: 'Camera’s gereed',
  queuedParts: 'Delen in de wachtrij',
  restarts: 'Herstarts camera’s',
  version: 'Versie',
  states: {
    'awaiting-enrolment': 'wacht op aanmelding',
    'code-expired': 'aanmeldcode verlopen',
    enrolled: 'aangemeld',
    revoked: 'ingetrokken',
  } satisfies Record<AgentState, string>,
  codeValidUntil: (when: string) => `De aanmeldcode is geldig tot ${when}.`,
  codeExpired: 'De code is niet gebruikt. Trek deze agent in en registreer hem opnieuw voor een nieuwe code.',
  revokedAt: (when: string) => `Ingetrokken op ${when}.`,
  /** What the agent said about itself on its last heartbeat. */
  reported: {
    recording: 'gereed, neemt op volgens het plan van de server',
    offline: 'zonder verbinding met de server, neemt op volgens het laatste plan',
    disarmed: 'camera’s uit, neemt niet op',
  } satisfies Record<AgentReport['state'], string>,
  lastReport: (what: string) => `Laatste melding: ${what}.`,
  noReport: 'Nog geen melding ontvangen.',
  never: 'nog nooit',
  /** "3 minuten geleden (3 mrt 2026, 10:04:05)" */
  contact: (ago: string, at: string) => `${ago} (${at})`,
  lagValue: (seconds: number) =>
    seconds < 60 ? inWords(seconds) : `${inWords(seconds)} (${seconds.toLocaleString('nl-NL')}\u00a0s)`,
  lagHigh: 'hoog',
  lagExplain:
    'De achterstand is hoe ver de server achterloopt op de locatie: de langste van de tijd sinds het laatste contact met de agent en de tijd dat zijn oudste nog niet verstuurde stap al wacht; meer dan een minuut is hoog.',
  none: '—',

  add: 'Opnameagent registreren',
  noSites: 'Maak eerst een locatie aan.',
  formTitle: 'Nieuwe opnameagent',
  siteHint:
    'De locatie waar de agent naast de camera’s komt te staan; hij neemt alle camera’s van die locatie op.',
  nameHint: 'Bijvoorbeeld waar de computer staat: Recorder De Brink, serverkast eerste verdieping.',
  submit: 'Registreren en code maken',

  createdTitle: (name: string) => `Eenmalige aanmeldcode voor ${name}`,
  createdOnce:
    'Deze code ziet u alleen nu. Na het sluiten van deze melding of het verlaten van de pagina is hij niet meer op te vragen; wie hem kwijt is, trekt de agent in en registreert hem opnieuw.',
  code: 'Aanmeldcode',
  validity: (until: string) => `Geldig tot ${until} (24 uur) en maar één keer te gebruiken.`,
  commandIntro: (site: string) => `Voer op de computer bij de camera’s van ${site} uit:`,
  commandLabel: 'Opdrachten voor de computer op de locatie',
  serverHint:
    'Het serveradres is het adres waarop u nu bent ingelogd. Bereikt de locatie de server via een ander adres, pas het dan aan.',
  copy: 'Opdrachten kopiëren',
  copied: 'Gekopieerd.',
  copyFailed: 'Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.',
  dismiss: 'Ik heb de code genoteerd',

  revoke: 'Intrekken',
  revokeItem: (name: string) => `Opnameagent ${name} intrekken`,
  confirmTitle: (name: string) => `Opnameagent ${name} intrekken?`,
  confirmStops:
    'De server weigert de agent vanaf nu en verbreekt zijn verbinding. De agent zet zijn camera’s uit en stopt: een verbonden agent meteen, een agent zonder verbinding zodra hij de server weer bereikt.',
  confirmCameras: (site: string) =>
    `De camera’s van ${site} gaan terug naar de eigen opname van de server, als de server ze kan bereiken; anders wordt er op ${site} niet opgenomen tot er een nieuwe agent is aangemeld.`,
  confirmOtherAgent: (site: string) =>
    `Op ${site} is nog een andere agent aangemeld; die blijft de camera’s van deze locatie opnemen.`,
  confirmQueued: (n: number) =>
    `De agent meldde nog ${count('nl', n, { one: 'deel', other: 'delen' })} in de wachtrij. Na het intrekken kan hij die niet meer versturen; ze blijven versleuteld op de computer van de locatie staan.`,
  confirmNotEnrolled:
    'De aanmeldcode werkt daarna niet meer. Er is nog geen agent mee aangemeld, dus aan de opname verandert niets.',
  confirmFinal: 'Intrekken kan niet ongedaan worden gemaakt; voor een nieuwe agent registreert u een nieuwe.',
  revoked: (name: string) => `Opnameagent ${name} is ingetrokken.`,
};

export type AgentsTexts = typeof agentsNl;
