/**
 * The texts of four-eyes viewing (issue 10 §2) in Dutch: requests, approval, the viewer and the
 * footage history. Kept apart from nl.ts so that the footage screens read as one piece; nl.ts
 * includes them as `footage`.
 */
const grounds = {
  'own-investigation': {
    label: 'Eigen onderzoek',
    explain:
      'De organisatie onderzoekt het incident zelf, bijvoorbeeld om maatregelen te nemen of de melding te controleren.',
  },
  'police-report': {
    label: 'Aangifte',
    explain:
      'Er is aangifte gedaan en de politie vraagt om de beelden. Vul het nummer van de aangifte in. Alleen met deze grondslag kunnen beelden worden overgedragen.',
  },
  'subject-access': {
    label: 'Inzageverzoek',
    explain: 'Iemand die op de beelden staat, vraagt om inzage in zijn of haar gegevens (AVG art. 15).',
  },
  complaint: {
    label: 'Klacht',
    explain: 'Een klacht over het incident of over de behandeling ervan wordt onderzocht.',
  },
};

export const footageNl = {
  title: 'Inzage in beelden',
  intro:
    'Verzoeken om opgenomen beelden te bekijken. Een verzoek heeft een reden en een grondslag. De beelden gaan pas open als genoeg bewaarders van de kluissleutel het goedkeuren met hun wachtwoordzin, van wie minstens één niet de aanvrager is. Elke stap en elke keer afspelen staat in het auditlog.',
  awaitingMe: 'Wacht op uw goedkeuring',
  awaitingMeNone: 'Er wacht geen verzoek op uw goedkeuring.',
  allRequests: 'Alle verzoeken',
  filters: 'Filteren',
  state: 'Status',
  allStates: 'Alle statussen',
  apply: 'Toon',
  caption: 'Verzoeken om inzage, nieuwste eerst',
  awaitingCaption: 'Verzoeken die op uw goedkeuring wachten',
  empty: 'Geen verzoeken gevonden.',
  requestedAt: 'Aangevraagd',
  requestedBy: 'Aanvrager',
  room: 'Spreekkamer',
  clipTime: 'Tijd van de opname',
  legalGround: 'Grondslag',
  approvals: 'Goedkeuringen',
  approvalsCount: (n: number, k: number) => `${n} van ${k}`,
  openRequest: (who: string, when: string) => `Verzoek van ${who}, ${when}`,
  states: {
    pending: 'wacht op goedkeuring',
    granted: 'goedgekeurd',
    refused: 'geweigerd',
    revoked: 'ingetrokken',
    ended: 'afgelopen',
  } as Record<string, string>,
  grounds,
  purposes: {
    view: { label: 'Bekijken', explain: 'Afspelen in de browser, met uw naam in beeld.' },
    export: {
      label: 'Overdragen aan de politie (export)',
      explain: 'Een ondertekende kopie van de beelden; alleen bij de grondslag aangifte.',
    },
  },

  // One request
  detailTitle: 'Verzoek om inzage',
  back: 'Terug naar alle verzoeken',
  reason: 'Reden',
  policeReport: 'Nummer van de aangifte',
  purposesLabel: 'Doel',
  clip: 'Opname',
  incident: 'Incident',
  openIncident: 'Naar het incident',
  approvedBy: (who: string, when: string) => `${who}, ${when}`,
  noApprovals: 'Nog geen goedkeuringen.',
  threshold: (k: number) =>
    `Nodig: ${k} bewaarders van de kluissleutel, van wie minstens één niet de aanvrager is.`,
  awaiting: 'Kan nog goedkeuren',
  awaitingNobody: 'Geen bewaarder meer.',
  refusedBy: (who: string, when: string, reason: string) => `Geweigerd door ${who}, ${when}: ${reason}`,
  endedBecause: (when: string, reason: string) => `Afgelopen op ${when}${reason ? ` (${reason})` : ''}.`,
  endReasons: {
    restart: 'de server is opnieuw gestart',
    expired: 'de tijd is verstreken',
    expiry: 'de tijd is verstreken',
    'plays-used': 'alle keren afspelen zijn gebruikt',
    logout: 'de aanvrager is uitgelogd',
    revoked: 'ingetrokken',
    restricted: 'de beelden zijn beperkt op verzoek van een bewoner (AVG art. 18)',
  } as Record<string, string>,
  grantLive: (until: string, plays: number) =>
    `De aanvrager mag de beelden bekijken tot ${until}; nog ${plays} keer afspelen.`,
  grantOver: 'De toestemming om te bekijken is afgelopen.',
  watch: 'Bekijken',

  exportTitle: 'Bewijsexport voor de politie',
  exportIntro: [
    'U krijgt één ZIP-bestand: de oorspronkelijke opname (clip.mp4), een manifest met de zaak, de camera, de ruimte, de tijd en de bewaarketen (wie vroeg, wie goedkeurde, wie exporteerde), een voorblad (PDF) en een leesmij.',
    'Het pakket is ondertekend met de sleutel van de organisatie. Elke verandering aan een bestand valt op bij de controle.',
    'De export wordt vastgelegd in het auditlog en staat in de beeldgeschiedenis hieronder.',
    'De politie controleert het pakket met "proportio export verify" en de vingerafdruk van de publieke sleutel van de organisatie, die op de transparantiepagina van elke ruimte staat en op /api/public/evidence-key.',
  ],
  exportRecipient: 'Publieke age-sleutel van de ontvanger (niet verplicht)',
  exportRecipientHint:
    'Begint met age1. Vult u hem in, dan wordt het pakket versleuteld en kan alleen de ontvanger het openen.',
  exportButton: 'Bewijsexport downloaden',
  exportedNotice: (file: string) =>
    `De bewijsexport is gedownload als ${file} en vastgelegd in het auditlog.`,

  approveTitle: 'Goedkeuren met uw wachtwoordzin',
  approveIntro:
    'Uw wachtwoordzin opent uw deel van de kluissleutel. Dat deel blijft alleen in het geheugen van de server, hoogstens 30 minuten, en wordt nergens opgeslagen.',
  passphrase: 'Wachtwoordzin',
  approve: 'Goedkeuren',
  approvedNotice: 'Uw goedkeuring is vastgelegd. Het verzoek wacht nog op een andere bewaarder.',
  grantedNotice: 'Goedgekeurd: de aanvrager kan de beelden nu bekijken.',
  refuseOpen: 'Weigeren',
  refuseTitle: 'Verzoek weigeren',
  refuseReason: 'Reden van de weigering',
  refuse: 'Weigering bevestigen',
  refusedNotice: 'Het verzoek is geweigerd.',
  revokeOpen: 'Intrekken',
  revokeTitle: 'Verzoek of toestemming intrekken',
  revokeReason: 'Reden van het intrekken',
  revoke: 'Intrekking bevestigen',
  revokedNotice: 'Ingetrokken. De sleutels van de toestemming zijn gewist.',

  // The viewer
  viewerTitle: 'Beelden bekijken',
  viewerIntro:
    'De beelden zijn alleen hier te bekijken, niet te downloaden. Uw naam en de tijd staan in beeld; elke keer afspelen staat in het auditlog.',
  confidential: 'Vertrouwelijk',
  videoLabel: (room: string, camera: string) => `Opname uit ${room}, camera ${camera}`,
  playsLeft: (n: number) => (n === 1 ? 'Nog 1 keer afspelen' : `Nog ${n} keer afspelen`),
  expiresAt: (when: string) => `Toestemming tot ${when}`,
  ended:
    'Deze toestemming is afgelopen: de tijd is verstreken, alle keren afspelen zijn gebruikt, of ze is ingetrokken. Vraag opnieuw inzage aan als u de beelden nog eens moet zien.',
  videoFailed:
    'De beelden konden niet worden afgespeeld. De link is maar kort geldig; open de beelden opnieuw.',
  playAgain: 'Opnieuw afspelen',
  backToRequests: 'Naar de verzoeken om inzage',

  // On the incident page
  sectionTitle: 'Beelden',
  clipsCaption: 'Opnames bij dit incident',
  noClips: 'Bij dit incident zijn geen beelden opgenomen.',
  clipStatus: 'Status',
  clipStatuses: {
    recording: 'wordt opgenomen',
    sealed: 'versleuteld bewaard',
    failed: 'mislukt',
    interrupted: 'onderbroken',
    deleted: 'verwijderd',
  } as Record<string, string>,
  retentionUntil: 'Bewaard tot',
  requestOpen: 'Inzage aanvragen',
  requestOpenFor: (when: string) => `Inzage aanvragen: opname van ${when}`,
  requestTitle: (when: string) => `Inzage aanvragen: opname van ${when}`,
  reasonHint:
    'Waarom moet u deze beelden zien? Schrijf geen naam of andere gegevens van de inwoner op. Minstens 10 tekens.',
  legalGroundLegend: 'Grondslag',
  policeReportHint: 'Het nummer dat de politie aan de aangifte gaf.',
  purposesLegend: 'Wat wilt u met de beelden doen?',
  submitRequest: 'Verzoek indienen',
  requestedNotice: 'Het verzoek is ingediend. Het wacht op de goedkeuring van de bewaarders.',
  reasonTooShort: (n: number) => `Schrijf minstens ${n} tekens.`,
  purposeRequired: 'Kies minstens één doel.',
  exportNeedsPolice: 'Overdragen kan alleen met de grondslag aangifte.',
  notes: 'Meldingen over de opname',

  // The footage history
  historyTitle: 'Beeldgeschiedenis',
  historyIntro: 'Alles wat met de beelden van dit incident gebeurde, uit het auditlog.',
  historyCaption: 'Beeldgeschiedenis, oudste eerst',
  historyEmpty: 'Er is nog niets met de beelden gebeurd.',
  at: 'Moment',
  what: 'Wat',
  auditSeq: 'Auditlog nr.',
  system: 'het systeem',
  events: {
    requested: (who: string, ground: string) =>
      `Inzage aangevraagd door ${who}${ground ? ` (grondslag: ${ground})` : ''}`,
    approved: (who: string) => `Goedgekeurd door ${who}`,
    refused: (who: string, reason: string) => `Geweigerd door ${who}${reason ? `: ${reason}` : ''}`,
    granted: (until: string) => `Toestemming verleend${until ? ` tot ${until}` : ''}`,
    played: (who: string) => `Bekeken door ${who}`,
    revoked: (who: string, reason: string) => `Ingetrokken door ${who}${reason ? `: ${reason}` : ''}`,
    ended: (reason: string) => `Toestemming afgelopen${reason ? ` (${reason})` : ''}`,
    holdPlaced: (who: string, until: string, report: string) =>
      `Bewaarblokkade geplaatst door ${who}${until ? ` tot ${until}` : ''}${report ? ` (aangifte ${report})` : ''}`,
    holdExtended: (who: string, until: string) =>
      `Bewaarblokkade verlengd door ${who}${until ? ` tot ${until}` : ''}`,
    holdReleased: (who: string, reason: string) =>
      `Bewaarblokkade opgeheven door ${who}${reason ? `: ${reason}` : ''}`,
    exported: (who: string) => `Overgedragen (export) door ${who}`,
    deleted: (reason: string) => `Verwijderd${reason ? ` (${reason})` : ''}`,
    recordingStarted: 'Opname gestart',
    recordingExtended: 'Opname verlengd (opnieuw op de alarmknop gedrukt)',
    sealed: 'Opname versleuteld opgeslagen',
    failed: 'Opname mislukt',
    recovered: 'Opname na een herstart hersteld',
    decryptStarted: (who: string) => `Ontsleutelen gestart door ${who} (opdrachtregel)`,
    decrypted: (who: string) => `Ontsleuteld door ${who} (opdrachtregel)`,
    other: (action: string, who: string) => `${action} door ${who}`,
  },
  deletedReasons: {
    retention: 'bewaartermijn verstreken',
    erasure: 'verzoek om wissing',
    objection: 'bezwaar',
  } as Record<string, string>,

  // Refusals by the API, by error code: the text the user reads instead of the server's detail.
  errors: {
    'FOOTAGE.NOT_CUSTODIAN': 'U bent geen bewaarder van de kluissleutel en kunt dit verzoek niet goedkeuren.',
    'FOOTAGE.ALREADY_APPROVED': 'U heeft dit verzoek al goedgekeurd. Een andere bewaarder moet het nu doen.',
    'FOOTAGE.OWN_REQUEST_NEEDS_OTHER':
      'Dit is uw eigen verzoek: eerst moet een bewaarder goedkeuren die niet de aanvrager is. Daarna kunt u als tweede goedkeuren.',
    'FOOTAGE.REASON_INVALID':
      'Geef een reden van 10 tot 2000 tekens en kies minstens één doel (een reden voor weigeren of intrekken: minstens 3 tekens).',
    'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT': 'Overdragen kan alleen met de grondslag aangifte.',
    'FOOTAGE.SHARE_SEALED_TO_KEY':
      'Uw deel van de kluissleutel is aan een age-sleutel gekoppeld, niet aan een wachtwoordzin. Keur goed via de opdrachtregel: proportio footage approve ID --share BESTAND --identity SLEUTEL.',
    'FOOTAGE.SHARE_MISMATCH':
      'Dit is niet uw deel van de kluissleutel, of het hoort bij een eerdere verdeling.',
    'FOOTAGE.HELD_ELSEWHERE':
      'Deze toestemming om beelden te bekijken is geopend op een andere Proportio-server: {heldOn}. Ga naar die server en doe het daar; de sleutels blijven op de server waar ze geopend zijn.',
    'REDACTION.HELD_ELSEWHERE':
      'Deze geanonimiseerde kopie staat op een andere Proportio-server: {heldOn}. Download of verwijder haar daar; de sleutel van de kopie blijft op de server waar zij gemaakt is.',
    'CUSTODY.SHARE_INVALID': 'Dit is geen deel van een Proportio-kluissleutel.',
    'FOOTAGE.WRONG_PASSPHRASE': 'De wachtwoordzin klopt niet. Probeer het opnieuw.',
    'FOOTAGE.TOO_MANY_ATTEMPTS':
      'Te veel verkeerde wachtwoordzinnen. Wacht 15 minuten voordat u het opnieuw probeert.',
    'FOOTAGE.REQUEST_CLOSED':
      'Dit verzoek is al afgehandeld (goedgekeurd, geweigerd, ingetrokken of afgelopen).',
    'FOOTAGE.GRANT_ENDED':
      'De toestemming is afgelopen: de tijd is verstreken, alle keren afspelen zijn gebruikt, of ze is ingetrokken.',
    'FOOTAGE.NOT_REQUESTER':
      'Alleen de aanvrager kan deze beelden bekijken, in de sessie waarin de toestemming gold.',
    'FOOTAGE.POLICE_REPORT_REQUIRED': 'Vul het nummer van de aangifte in.',
    'FOOTAGE.CLIP_NOT_SEALED': 'Deze opname is niet (meer) versleuteld bewaard en kan niet worden geopend.',
    'EVIDENCE.RECIPIENT_INVALID': 'Dit is geen publieke age-sleutel. Die begint met age1.',
    'EVIDENCE.CLIP_UNREADABLE': 'De opname kon niet helemaal worden gelezen. Er is niets geëxporteerd.',
    'EVIDENCE.KEY_UNREADABLE':
      'De ondertekeningssleutel van de organisatie kan niet worden gelezen. Neem contact op met de beheerder.',
    'CUSTODY.NOT_SET_UP':
      'De kluis heeft nog geen bewaarders. De beheerder moet eerst de sleutel verdelen (proportio vault custody).',
  } as Record<string, string>,
};

export type FootageTexts = typeof footageNl;
