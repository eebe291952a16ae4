/** De teksten van de geanonimiseerde kopie voor een betrokkene (issue 12 §2). */
import { count } from './plural.js';

const seconds = (s: number) =>
  `${s.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;

export const redactionNl = {
  title: 'Geanonimiseerde kopie maken',
  intro:
    'Een kopie van beelden voor een inwoner mag niemand anders herkenbaar laten zien (art. 15 lid 4 AVG; EDPB-richtsnoeren 3/2019, punt 129). Proportio zoekt de gezichten; u bepaalt welk gezicht van de verzoeker is en zichtbaar blijft. Alle andere gezichten worden onherkenbaar gemaakt, ook die van de medewerker, tenzij die toestemming gaf.',
  context: (requestId: string, clipId: string) => `Verzoek ${requestId} · opname ${clipId}`,
  backToRequest: 'Terug naar het verzoek',
  smallScreen:
    'Het beoordelen van de gezichten vraagt een groter scherm (minstens 1024 pixels breed). Hier ziet u alleen de stand van zaken.',
  state: 'Stand',
  states: {
    none: 'Nog niet gezocht',
    detecting: 'Gezichten worden gezocht',
    detected: 'Gezichten gevonden, klaar om te beoordelen',
    rendering: 'Kopie wordt gemaakt',
    rendered: 'Kopie gemaakt',
    failed: 'Mislukt',
  },
  failed: (message: string) => `Dit is mislukt: ${message}. Probeer het opnieuw.`,
  progress: 'Voortgang',
  progressValue: (pct: number) => `${pct}%`,

  grantTitle: '1. Toestemming om te ontsleutelen',
  grantIntro:
    'De opname wordt alleen op de server ontsleuteld met uw eigen toestemming voor inzage, op grond van het inzageverzoek, goedgekeurd door een tweede bewaarder van de kluissleutel (vier ogen).',
  grantLive: (until: string) => `U hebt toestemming tot ${until}.`,
  grantNone: 'U hebt nog geen lopende toestemming voor deze opname.',
  grantPending: 'Uw aanvraag wacht op goedkeuring door een tweede bewaarder.',
  grantOpen: 'Aanvraag bekijken',
  grantReason: 'Reden',
  grantReasonHint: 'Bijvoorbeeld: kopie voor een inzageverzoek (AVG art. 15), anderen onherkenbaar gemaakt.',
  grantReasonDefault: 'Geanonimiseerde kopie voor een inzageverzoek van een betrokkene (AVG art. 15)',
  grantRequest: 'Toestemming aanvragen',

  detectTitle: '2. Gezichten zoeken',
  detectIntro:
    'Het zoeken loopt op de achtergrond (ongeveer vijf beelden per seconde); u kunt deze pagina open laten of later terugkomen.',
  detect: 'Gezichten zoeken',
  detectAgain: 'Opnieuw zoeken',

  reviewTitle: '3. Beoordelen',
  reviewIntro:
    'Speel de opname af en kijk of elk gezicht een kader heeft. Vink aan welk gezicht van de verzoeker is. Teken een kader over wat de herkenning miste (sleep over het beeld) of vul het formulier in.',
  play: 'Afspelen',
  pause: 'Pauzeren',
  seekBar: 'Positie in de opname',
  position: (at: string, of: string) => `${at} van ${of} seconden`,
  videoLabel: 'De opname met de gevonden gezichten',
  previewFailed: 'De opname kan niet worden afgespeeld. Controleer of uw toestemming nog loopt.',
  timeline: 'Tijdlijn van de gezichten',
  timelineCaption: 'Gevonden gezichten met de tijd waarin ze onherkenbaar worden gemaakt',
  face: (n: string) => `Gezicht ${n.replace(/^face-/, '')}`,
  span: (from: number, to: number) => `${seconds(from)} – ${seconds(to)}`,
  columnFace: 'Gezicht',
  columnSpan: 'Tijd',
  columnBar: 'Op de tijdlijn',
  columnKeep: 'Verzoeker',
  columnConsent: 'Toestemming',
  columnActions: 'Acties',
  keep: (face: string) => `${face} is de verzoeker (zichtbaar laten)`,
  consent: (face: string) => `${face} gaf toestemming (zichtbaar laten)`,
  seek: 'Ga naar',
  seekLabel: (face: string) => `Ga naar ${face}`,
  notAFace: 'Geen gezicht',
  notAFaceLabel: (face: string) => `${face} is geen gezicht: niet onherkenbaar maken`,
  restore: 'Toch onherkenbaar maken',
  restoreLabel: (face: string) => `${face} toch onherkenbaar maken`,
  resize: 'Kader aanpassen',
  resizeLabel: (face: string) => `Kader van ${face} aanpassen`,
  noFaces: 'Er zijn geen gezichten gevonden. Kijk de opname na en voeg zo nodig kaders toe.',
  boxTitle: 'Kader toevoegen of aanpassen',
  boxIntro:
    'In pixels van het beeld (linksboven is 0, 0) en seconden vanaf het begin. Een getekend kader vult deze velden; u kunt ze daarna nog wijzigen.',
  boxFor: 'Geldt voor',
  boxNew: 'Een nieuw kader',
  from: 'Van (seconden)',
  to: 'Tot (seconden)',
  x: 'Links (x)',
  y: 'Boven (y)',
  w: 'Breedte',
  h: 'Hoogte',
  addBox: 'Kader opslaan in de beoordeling',
  boxInvalid:
    'Vul alle velden met getallen in; de breedte en hoogte zijn groter dan 0 en “tot” is niet eerder dan “van”.',
  edits: 'Aanpassingen',
  editsNone: 'Nog geen aanpassingen.',
  editAdd: (from: number, to: number) => `Kader toegevoegd, ${seconds(from)} – ${seconds(to)}`,
  editRemove: (face: string) => `${face}: geen gezicht`,
  editResize: (face: string, from: number, to: number) =>
    `${face}: kader aangepast, ${seconds(from)} – ${seconds(to)}`,
  removeEdit: 'Ongedaan maken',
  removeEditLabel: (what: string) => `Ongedaan maken: ${what}`,
  save: 'Beoordeling opslaan',
  saved: 'De beoordeling is opgeslagen.',
  unsaved: 'Er zijn wijzigingen die nog niet zijn opgeslagen.',
  legendKept: 'groen: blijft zichtbaar',
  legendBlurred: 'rood: wordt onherkenbaar gemaakt',

  renderTitle: '4. Kopie maken',
  renderIntro:
    'De kopie krijgt de tekst “Kopie voor betrokkene” met de datum in beeld, zonder geluid (ook stemmen van anderen zijn persoonsgegevens).',
  render: 'Kopie maken',
  renderNeedsReview: 'Sla eerst de beoordeling op.',

  resultTitle: '5. De kopie',
  resultFacts: (frames: number, boxes: number) =>
    `${count('nl', frames, { one: 'beeld', other: 'beelden' })}, ${count('nl', boxes, { one: 'kader', other: 'kaders' })} onherkenbaar gemaakt.`,
  keptUntil: (until: string) =>
    `De kopie wordt versleuteld bewaard tot ${until} en daarna verwijderd, of eerder wanneer het verzoek wordt afgesloten.`,
  downloaded: (at: string) => `Laatst gedownload op ${at}.`,
  download: 'Kopie downloaden (MP4)',
  copyLabel: 'De geanonimiseerde kopie',
  deleteCopy: 'Kopie nu verwijderen',
  copyDeleted: (reason: string) => `De kopie is verwijderd (${reason}).`,
  copyRestart:
    'De sleutel van de kopie bestond alleen in het geheugen van de server, en is bij het herstarten verloren gegaan. Hebt u de kopie nog nodig? Vraag opnieuw toestemming en maak een nieuwe kopie.',
  deleteReasons: {
    expired: 'de bewaartermijn van zeven dagen is voorbij',
    'request-closed': 'het verzoek is afgesloten',
    deleted: 'door u verwijderd',
    restart: 'de server is opnieuw gestart',
    'review-changed': 'de beoordeling is gewijzigd',
    'rendered-again': 'er is een nieuwe kopie gemaakt',
    'detected-again': 'de gezichten zijn opnieuw gezocht',
  } as Readonly<Record<string, string>>,
};

export type RedactionTexts = typeof redactionNl;
