/**
 * Every refusal of the API in Dutch, by its stable error code (docs/errors.md): the server's
 * `detail` is English for API clients and never the main text of a Dutch screen. The viewing
 * codes live with the footage texts (footage-nl.ts) and are merged in here. A test checks that
 * every code of the catalogue has a Dutch text.
 */
import type { FieldRule } from '../../../src/core/field-rules.js';
import { count } from './plural.js';
import { footageNl } from './footage-nl.js';

const own: Readonly<Record<string, string>> = {
  'ALARM.NOT_FOUND': 'Dit alarm bestaat niet (meer).',
  'ALARM.UNKNOWN_ROOM': 'Deze spreekkamer bestaat niet.',
  'ALARM.NO_ROOM': 'Kies eerst een spreekkamer of start een gesprek.',
  'ALARM.ALREADY_CLOSED': 'Dit alarm is al afgesloten.',
  'ALARM.NOT_ESCALATABLE':
    'Alleen een alarm waarop nog niemand reageerde en dat nog niet is opgeschaald, kan worden opgeschaald.',
  'ALARM.RATE_LIMITED': 'Deze knop is te vaak ingedrukt; de melding is bij het open alarm gevoegd.',
  'CONVERSATION.NOT_FOUND': 'Dit gesprek bestaat niet (meer).',
  'CONVERSATION.ROOM_BUSY': 'In deze spreekkamer loopt al een gesprek.',
  'CONVERSATION.ENDED': 'Dit gesprek is al beëindigd.',
  'CONVERSATION.NOT_YOURS':
    'Alleen de medewerker die het gesprek startte (of beveiliging) kan het beëindigen.',
  'DEVICE.UNKNOWN': 'Er is geen alarmknop met deze code aangemeld.',
  'DEVICE.BAD_TOKEN': 'De sleutel van de alarmknop klopt niet.',
  'DEVICE.DISABLED': 'Deze alarmknop is uitgeschakeld.',
  'DEVICE.BAD_PAYLOAD': 'Het bericht van de alarmknop is niet geldig.',
  'DEVICE.WRONG_KIND': 'Dit apparaat kan dat niet (een ontvanger kan geen alarm geven).',
  'INCIDENT.NOT_FOUND': 'Dit incident bestaat niet (meer).',
  'INCIDENT.ALARM_OPEN': 'Sluit eerst het alarm af; daarna kunt u het incident melden.',
  'INCIDENT.INVALID': 'De incidentmelding is niet volledig of niet juist ingevuld.',
  'INCIDENT.REPORT_LOWERED':
    'Wat beveiliging heeft vastgelegd kunt u aanvullen, maar niet verlagen of weghalen.',
  'ASSESSMENT.INVALID_SCENARIO': 'De afweging is niet volledig of niet juist ingevuld.',
  'ASSESSMENT.UNKNOWN_MEASURE': 'Deze maatregel staat niet in de lijst van maatregelen.',
  'ASSESSMENT.CONTRADICTORY_SCENARIO': 'De antwoorden in de afweging spreken elkaar tegen.',
  'ASSESSMENT.NOT_APPROVED': 'Deze afweging is niet goedgekeurd.',
  'ASSESSMENT.FORMAT_UNAVAILABLE': 'Dit rapportformaat is nog niet beschikbaar.',
  'ASSESSMENT.WRONG_STATE': 'Dat kan niet in de huidige stap van deze afweging.',
  'ASSESSMENT.IMMUTABLE':
    'Een goedgekeurde versie van een afweging kan niet meer worden gewijzigd; maak een nieuwe versie.',
  'ASSESSMENT.FOUR_EYES':
    'U heeft aan deze versie meegewerkt en kunt er daarom niet over beslissen (vier ogen).',
  'ASSESSMENT.DPO_ADVICE_MISSING':
    'Het advies van de functionaris gegevensbescherming ontbreekt nog (AVG art. 35 lid 2).',
  'ASSESSMENT.VIEWS_MISSING':
    'De mening van betrokkenen, of waarom die niet is gevraagd, is nog niet vastgelegd (AVG art. 35 lid 9).',
  'ASSESSMENT.JUDGEMENT_MISSING':
    'Bij een bevinding die een menselijke afweging vraagt, ontbreekt die afweging nog.',
  'ASSESSMENT.NOT_A_REVIEW_FINDING':
    'Een menselijke afweging kan alleen bij een bevinding die daarom vraagt.',
  'ASSESSMENT.NOT_PERMITTED_VERDICT':
    'Een maatregel met het oordeel “niet toegestaan” kan niet worden goedgekeurd.',
  'ASSESSMENT.REVIEW_DATE_MISSING': 'De afweging heeft een herzieningsdatum in de toekomst nodig.',
  'ASSESSMENT.CONDITIONS_OPEN':
    'Er zijn nog voorwaarden open die vervuld moeten zijn voordat de opname start.',
  'POLICY.INVALID_ASSESSMENT': 'Een afweging voor het opnamebeleid is niet geldig.',
  'POLICY.UNKNOWN_ROOM': 'Voor deze spreekkamer is geen opnamebeleid.',
  'RECORDING.FFMPEG_MISSING':
    'Het opnameprogramma ontbreekt op de server; opnemen is niet mogelijk. Alarmen werken gewoon.',
  'RECORDING.FFMPEG_FAILED': 'Het opnameprogramma op de server liep onverwacht vast.',
  'RECORDING.INVALID_SOURCE': 'Het adres van de camera is niet geldig.',
  'RECORDING.CAMERA_UNREACHABLE': 'De camera is niet bereikbaar.',
  'RECORDING.CAMERA_UNAUTHORISED': 'De camera weigert de gebruikersnaam of het wachtwoord.',
  'RECORDING.BAD_STREAM': 'De camera levert geen bruikbaar videobeeld (H.264).',
  'RECORDING.STALLED': 'De camera stuurt geen beeld meer.',
  'RECORDING.PARSE_ERROR': 'Het videobeeld van de camera kon niet worden gelezen.',
  'RECORDING.PROBE_FAILED': 'Het videobestand kon niet worden onderzocht.',
  'RECORDING.NO_CONVERSATION': 'In deze spreekkamer loopt geen gesprek.',
  'RECORDING.ALREADY_SUSPENDED': 'Opnemen is hier al stilgelegd.',
  'RECORDING.NOT_SUSPENDED': 'Deze stillegging is al opgeheven.',
  'RECORDING.CLIP_UNAVAILABLE': 'Deze opname is niet versleuteld bewaard (nog bezig, mislukt of gewist).',
  'VAULT.KEY_MISSING': 'Er is nog geen kluissleutel ingesteld; er wordt niets opgenomen. Vraag de beheerder.',
  'VAULT.KEY_INVALID': 'De kluissleutel is niet geldig; er wordt niets opgenomen. Vraag de beheerder.',
  'VAULT.KEY_EXISTS': 'Er bestaat al een sleutelbestand op die plaats.',
  'VAULT.WRONG_KEY': 'Deze sleutel opent dit kluisbestand niet.',
  'VAULT.WRONG_PASSPHRASE': 'De wachtwoordzin opent dit bestand niet.',
  'VAULT.UNSUPPORTED': 'Dit is geen kluisbestand dat deze kluis kan openen.',
  'VAULT.CORRUPT': 'Een kluisbestand is beschadigd of er is mee geknoeid.',
  'VAULT.TRUNCATED': 'Een kluisbestand is onvolledig.',
  'VAULT.DISK_FULL': 'De schijf van de kluis is vol.',
  'VAULT.IO_FAILED': 'De kluis kon een bestand niet lezen of schrijven.',
  'VAULT.NOT_FOUND': 'Deze opname staat niet in de kluis.',
  'VAULT.CLIP_EXISTS': 'Er bestaat al een opname met deze code.',
  'VAULT.INVALID_CLIP_ID': 'De code van de opname is niet geldig.',
  'VAULT.WRITER_CLOSED': 'De opname is al afgesloten.',
  'CUSTODY.INVALID_PLAN':
    'Het aantal bewaarders en het aantal dat nodig is, vormen samen geen geldige verdeling.',
  'CUSTODY.CUSTODIAN_INVALID':
    'Een bewaarder moet een bestaand, actief account zijn, en ieder maar één keer.',
  'CUSTODY.WEAK_PASSPHRASE': 'De wachtwoordzin is te kort om een deel van de kluissleutel te beschermen.',
  'CUSTODY.ALREADY_SET_UP': 'Deze kluis heeft al bewaarders.',
  'CUSTODY.REQUIRED':
    'Deze kluis wordt door meerdere bewaarders beheerd; één sleutel alleen is niet meer genoeg.',
  'CUSTODY.NOT_A_CUSTODIAN': 'Dit account heeft geen deel van de kluissleutel.',
  'CUSTODY.NOT_ENOUGH_SHARES': 'Te weinig delen: de kluissleutel heeft meer bewaarders nodig.',
  'CUSTODY.DUPLICATE_SHARE': 'Hetzelfde deel is twee keer gegeven.',
  'CUSTODY.MIXED_SHARES': 'De delen komen uit verschillende verdelingen en passen niet bij elkaar.',
  'CUSTODY.WRONG_VAULT': 'De delen horen bij een andere kluissleutel.',
  'CUSTODY.STALE_SHARE': 'Dit deel is vervangen bij een nieuwe verdeling en geldt niet meer.',
  'CUSTODY.COMBINE_FAILED':
    'De delen vormen samen niet de kluissleutel (een deel is beschadigd of vervalst).',
  'REDACTION.DETECTOR_UNAVAILABLE':
    'De gezichtsherkenning kan niet worden geladen; een geanonimiseerde kopie is nu niet mogelijk.',
  'REDACTION.ENCODE_FAILED': 'Het maken van de geanonimiseerde kopie is mislukt; er is niets opgeslagen.',
  'REDACTION.INPUT_UNREADABLE': 'De beelden kunnen niet als video worden gelezen.',
  'REDACTION.INVALID_EDIT':
    'Een aanpassing van de vervaging klopt niet: de tijd of het kader valt buiten de opname.',
  'REDACTION.UNKNOWN_TRACK': 'Een aanpassing noemt een gezicht dat niet in deze opname voorkomt.',
  'REDACTION.GRANT_REQUIRED':
    'Voor het ontsleutelen van deze opname is uw eigen lopende toestemming voor inzage nodig, op grond van een inzageverzoek van de betrokkene en goedgekeurd door een tweede persoon.',
  'REDACTION.NOT_ACCESS_REQUEST':
    'Een geanonimiseerde kopie wordt alleen gemaakt bij een inzageverzoek (AVG art. 15).',
  'REDACTION.REQUEST_CLOSED': 'Dit verzoek is afgesloten; er wordt geen kopie meer voor gemaakt.',
  'REDACTION.JOB_BUSY':
    'De gezichtsherkenning of het maken van de kopie loopt nog voor deze opname; wacht tot die klaar is.',
  'REDACTION.NOT_DETECTED': 'Zoek eerst de gezichten in deze opname.',
  'REDACTION.NOT_REVIEWED':
    'Sla eerst de beoordeling op (wiens gezicht zichtbaar blijft) voordat de kopie wordt gemaakt.',
  'REDACTION.COPY_GONE': 'De geanonimiseerde kopie wordt niet meer bewaard; maak haar opnieuw.',
  'RIGHTS.ALREADY_EXTENDED': 'De termijn van dit verzoek is al eens verlengd.',
  'RIGHTS.CLIP_ACTION_KIND': 'Deze handeling op opnamen past niet bij het soort verzoek.',
  'RIGHTS.CLIP_NOT_LINKED': 'Deze opname hoort niet bij dit verzoek.',
  'RIGHTS.CLIP_OUTSIDE_WINDOW': 'Deze opname is niet van de ruimte of de periode die de inwoner noemde.',
  'RIGHTS.CLIP_RESTRICTED':
    'Deze opname is op verzoek van een inwoner beperkt (AVG art. 18): ze wordt bewaard en alleen voor een aangifte of rechtszaak bekeken of afgegeven.',
  'RIGHTS.EXTENSION_LATE':
    'Een verlenging moet binnen de eerste maand na ontvangst aan de inwoner worden gemeld (AVG art. 12 lid 3).',
  'RIGHTS.INVALID': 'Het verzoek is niet volledig of klopt niet.',
  'RIGHTS.NOT_FOUND': 'Dit verzoek van een inwoner bestaat niet.',
  'RIGHTS.TRANSITION': 'Deze stap kan niet in de huidige stand van het verzoek.',
  'COMPLAINT.NOT_FOUND': 'Deze klacht of vraag van de toezichthouder bestaat niet.',
  'COMPLAINT.INVALID': 'De klacht of vraag is niet volledig of klopt niet.',
  'COMPLAINT.TRANSITION': 'Deze stap kan niet in de huidige stand van de klacht of vraag.',
  'COMPLAINT.EXTENSION_LATE':
    'Verdagen kan alleen binnen zes weken na ontvangst van de klacht (Awb art. 9:11 lid 2).',
  'COMPLAINT.ALREADY_EXTENDED': 'De behandeling van deze klacht is al eens verdaagd.',
  'COMPLAINT.LINK_INVALID':
    'De gekoppelde afweging, ruimte of het verzoek bestaat niet of hoort niet bij uw locaties.',
  'HOLD.NOT_FOUND': 'Deze bewaarplicht bestaat niet bij deze opname.',
  'HOLD.REASON_REQUIRED': 'Geef een reden voor het instellen, verlengen of opheffen van de bewaarplicht.',
  'HOLD.UNTIL_INVALID': 'Het einde van de bewaarplicht moet een datum in de toekomst zijn.',
  'HOLD.NOT_LATER': 'Een verlenging moet later eindigen dan de bewaarplicht nu eindigt.',
  'HOLD.BEYOND_MAXIMUM':
    'De bewaarplicht zou langer lopen dan de functionaris gegevensbescherming toestaat. Stel haar in binnen het maximum en verleng daarna met een nieuwe reden.',
  'HOLD.NEW_REASON_REQUIRED':
    'Verlengen voorbij het maximum vraagt een nieuwe reden, niet een reden die al is gegeven.',
  'HOLD.ENDED': 'Deze bewaarplicht is afgelopen of opgeheven en kan niet meer worden gewijzigd.',
  'HOLD.CLIP_HELD': 'Op deze opname rust een bewaarplicht; zolang die geldt, wordt de opname niet gewist.',
  'HOLD.CLIP_DELETED': 'Deze opname is al gewist; er valt niets meer te bewaren.',
  'HOLD.POLICY_INVALID': 'Het maximum moet een heel aantal dagen zijn, van 1 tot 3650.',
  'EVIDENCE.VERIFY_FAILED':
    'Het bewijspakket klopt niet (handtekening, controlegetal of lijst van bestanden).',
  'EVIDENCE.NOT_A_PACKAGE': 'Hier staat geen bewijspakket.',
  'EVIDENCE.KEY_INVALID': 'Deze sleutel is geen geldige publieke ondertekeningssleutel.',
  'EVIDENCE.OUT_EXISTS': 'Het bestand bestaat al; er is niets overschreven.',
  'REQUEST.INVALID': 'De invoer is niet geldig.',
  'REQUEST.TOO_LARGE': 'De invoer is te groot.',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'Dit soort bestand of invoer wordt niet ondersteund.',
  'AUTH.UNAUTHENTICATED': 'Log eerst in.',
  'AUTH.INVALID_CREDENTIALS': 'De gebruikersnaam of het wachtwoord klopt niet.',
  'AUTH.LOCKED': 'Te veel mislukte pogingen; het account is tijdelijk geblokkeerd.',
  'AUTH.DISABLED': 'Dit account is uitgeschakeld.',
  'AUTH.FORBIDDEN': 'Uw rol staat dit niet toe.',
  'AUTH.SITE_LIMITED': 'Dit geldt voor alle locaties; uw account hoort maar bij een deel ervan.',
  'AUTH.CSRF': 'Uw sessie is verlopen; laad de pagina opnieuw.',
  'AUTH.RATE_LIMITED': 'Te veel pogingen vanaf dit adres; wacht een minuut.',
  'AUTH.WEAK_PASSWORD': 'Het wachtwoord voldoet niet aan de regels.',
  'AUTH.OIDC_NOT_CONFIGURED': 'Inloggen via de identiteitsprovider is niet ingesteld.',
  'AUTH.OIDC_FAILED': 'Inloggen via de identiteitsprovider is niet gelukt.',
  'USER.SELF_CHANGE': 'U kunt uw eigen rollen en locaties niet wijzigen; vraag een andere beheerder.',
  'USER.OUTSIDE_SITES': 'Dit account werkt op locaties die u niet beheert.',
  'USER.SITES_BEYOND_OWN': 'U kunt alleen locaties toekennen waar u zelf voor werkt (niet “alle locaties”).',
  'RESOURCE.NOT_FOUND': 'Niet gevonden; misschien is het verwijderd.',
  'RESOURCE.CONFLICT': 'Dit bestaat al.',
  'RESOURCE.IN_USE': 'Dit wordt nog gebruikt en kan daarom niet worden verwijderd.',
  'AUDIT.CHAIN_BROKEN': 'De keten van het auditlog is niet meer intact.',
  'AUDIT.ANCHOR_UNREADABLE': 'Het ankerbestand van het auditlog of de sleutel ervan kan niet worden gelezen.',
  'BACKUP.NOT_FOUND': 'Op die plaats staat geen reservekopie.',
  'BACKUP.FOREIGN':
    'Dit is geen reservekopie van Proportio (de inhoudsopgave ontbreekt of is van iets anders).',
  'BACKUP.DAMAGED': 'De reservekopie is beschadigd: een bestand ontbreekt, is extra of is gewijzigd.',
  'BACKUP.NEWER_RELEASE': 'De reservekopie is gemaakt met een nieuwere versie van Proportio dan deze.',
  'BACKUP.DIALECT_MISMATCH':
    'De reservekopie bevat een ander soort database (SQLite of PostgreSQL) dan deze installatie gebruikt.',
  'BACKUP.TARGET_NOT_EMPTY': 'De gegevensmap bevat al gegevens.',
  'BACKUP.OUT_EXISTS': 'De map voor de reservekopie bestaat al en is niet leeg.',
  'BACKUP.MASTER_KEY_MISSING':
    'De hoofdsleutel waarmee de camerawachtwoorden in de reservekopie zijn versleuteld, is hier niet aanwezig.',
  'BACKUP.MASTER_KEY_MISMATCH':
    'De hoofdsleutel die hier staat, is niet die waarmee de camerawachtwoorden in de reservekopie zijn versleuteld.',
  'AGENT.NOT_FOUND': 'Deze opnameagent bestaat niet.',
  'AGENT.CODE_INVALID': 'De aanmeldcode is onbekend, al gebruikt of verlopen.',
  'AGENT.TOKEN_INVALID': 'De sleutel van de opnameagent is onbekend, of de agent is ingetrokken.',
  'AGENT.REVOKED': 'Deze opnameagent is al ingetrokken.',
  'AGENT.NAME_REQUIRED': 'Geef de opnameagent een naam van 1 tot 100 tekens.',
  'AGENT.RECIPIENT_INVALID': 'De publieke sleutel van de opnameagent is geen geldige age-sleutel.',
  'AGENT.SITE_HAS_AGENT':
    'Deze locatie heeft al een opnameagent (aangemeld of wachtend op aanmelding). Trek die eerst in; één agent neemt alle camera’s van een locatie op.',
  'AGENT.CAMERA_ELSEWHERE': 'Deze camera hoort niet bij de locatie van de opnameagent.',
  'AGENT.PART_CONFLICT':
    'Dit deel van de opname is al ontvangen met een andere inhoud, of een eerder deel ontbreekt.',
  'AGENT.PART_INVALID': 'Dit deel is geen verzegeld age-bestand met de controlewaarde die is meegestuurd.',
  'CONFIG.INVALID': 'De instellingen van de server zijn niet geldig.',
  'STORE.NOT_EMPTY': 'De database bevat al gegevens.',
  'STORAGE.FULL':
    'De opslag van de database is vol; er is niets opgeslagen. Probeer het opnieuw zodra er ruimte is.',
  INTERNAL: 'Er ging iets mis op de server.',
};

export const problemsNl: Readonly<Record<string, string>> = { ...own, ...footageNl.errors };

/** What a field rule says, with the field as its subject ("het wachtwoord"). */
export type FieldRuleText = (
  subject: string,
  params: Readonly<Record<string, string | number | undefined>>,
) => string;

const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number(v));
const tekens = (n: string | number | undefined) => count('nl', num(n), { one: 'teken', other: 'tekens' });

export const problemTextsNl = {
  /** By error code; a code missing here gets `generic` and the code in small print. */
  messages: problemsNl,
  generic: 'Dit is niet gelukt. Probeer het opnieuw of neem contact op met de beheerder.',
  codeNote: (code: string) => `Foutcode voor de beheerder: ${code}`,
  /** Whether the server's own explanation (English) is worth showing in this language. */
  showServerDetail: false,
  fieldRules: {
    required: (s) => `${s} is verplicht.`,
    'min-length': (s, p) => `${s} moet minstens ${tekens(p.min)} hebben.`,
    'max-length': (s, p) => `${s} mag hooguit ${tekens(p.max)} hebben.`,
    'whole-number-range': (s, p) => `${s} moet een heel getal van ${p.min} tot en met ${p.max} zijn.`,
    minimum: (s, p) => `${s} moet minstens ${p.min} zijn.`,
    maximum: (s, p) => `${s} mag hooguit ${p.max} zijn.`,
    'one-of': (s, p) => `Kies voor ${s.toLowerCase()} een van: ${p.values}.`,
    'name-characters': (s, p) => `${s} mag alleen letters, cijfers, spaties en ${p.characters} bevatten.`,
    format: (s) => `${s} heeft niet de juiste vorm.`,
    'not-in-future': (s) => `${s} ligt in de toekomst; vul een moment in dat al voorbij is.`,
    'in-future': (s) => `${s} moet in de toekomst liggen.`,
    'contains-username': (s) => `${s} mag de gebruikersnaam niet bevatten.`,
    'too-repetitive': (s, p) => `${s} moet minstens ${p.min} verschillende tekens bevatten.`,
    'unknown-field': (s) => `${s} wordt hier niet gebruikt.`,
    'length-range': (s, p) => `${s} moet ${p.min} tot ${tekens(p.max)} hebben.`,
    'ends-before-start': (s) => `${s} moet na het begin liggen.`,
    'span-too-long': (s, p) =>
      `${s} mag hooguit ${count('nl', num(p.max), { one: 'dag', other: 'dagen' })} beslaan.`,
    'after-receipt': (s) => `${s} ligt na het moment van binnenkomst.`,
    'before-receipt': (s) => `${s} ligt vóór de dag van binnenkomst.`,
    'identity-number': (s) => `${s} lijkt een BSN of documentnummer te bevatten; laat dat weg.`,
    'unknown-reference': (s) => `${s} bestaat niet of valt buiten uw locaties.`,
    'not-at-site': (s) => `${s} hoort niet bij de gekozen spreekkamer.`,
    inconsistent: (s) => `${s} past niet bij de rest van het formulier.`,
    'not-later': (s) => `${s} moet later liggen dan de huidige.`,
    'not-applicable': (s) => `${s} hoort hier niet bij; laat het leeg.`,
  } satisfies Record<FieldRule, FieldRuleText>,
  /** A field without a rule the UI knows. */
  fieldInvalid: (s: string) => `${s} is niet juist ingevuld.`,
  /** The API's field names as the subject of a sentence; the last part of a dotted path counts. */
  fields: {
    password: 'het wachtwoord',
    newPassword: 'het nieuwe wachtwoord',
    currentPassword: 'het huidige wachtwoord',
    username: 'de gebruikersnaam',
    displayName: 'de naam',
    name: 'de naam',
    email: 'het e-mailadres',
    roles: 'de rollen',
    siteIds: 'de locaties',
    occurredAt: 'het tijdstip van het incident',
    severity: 'de ernst',
    kind: 'de soort',
    policeReference: 'het nummer van de aangifte',
    followUp: 'de nazorg',
    description: 'de beschrijving',
    value: 'de waarde',
    key: 'de instelling',
    expiresInDays: 'de geldigheid in dagen',
    reason: 'de reden',
    reasons: 'de motivering',
    validUntil: 'de einddatum',
    validFrom: 'de begindatum',
    reviewDate: 'de herzieningsdatum',
    retentionHours: 'de bewaartermijn',
    url: 'het adres',
    roomId: 'de spreekkamer',
    siteId: 'de locatie',
    address: 'het adres',
    code: 'de code',
    title: 'de titel',
  } as Readonly<Record<string, string>>,
  /** Any other field. */
  thisField: 'dit veld',
};

export type ProblemTexts = typeof problemTextsNl;
