/**
 * The audit log in words (issue 11): every action code the code writes, its group (the log's
 * "what" filter) and a sentence in Dutch and English. `{actor}` is who did it (a name), `{subject}`
 * what it concerned (a name or title). sentences.test.ts fails when a code written anywhere lacks one.
 */
import type { Text } from '../assessment/text.js';

export const AUDIT_GROUPS = [
  'auth',
  'users',
  'registry',
  'alarms',
  'incidents',
  'assessments',
  'recording',
  'footage',
  'vault',
  'settings',
  'complaints',
] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

type Sentence = Text & { readonly group: AuditGroup };
const s = (group: AuditGroup, nl: string, en: string): Sentence => ({ group, nl, en });

export const AUDIT_SENTENCES: Readonly<Record<string, Sentence>> = {
  'auth.login': s('auth', '{actor} heeft ingelogd', '{actor} signed in'),
  'auth.login-failed': s(
    'auth',
    'Mislukte inlogpoging voor {subject}',
    'Failed sign-in attempt for {subject}',
  ),
  'auth.locked': s(
    'auth',
    'Account van {subject} tijdelijk geblokkeerd na mislukte pogingen',
    "{subject}'s account was locked after failed attempts",
  ),
  'auth.logout': s('auth', '{actor} heeft uitgelogd', '{actor} signed out'),
  'auth.password-change': s(
    'auth',
    '{actor} heeft het eigen wachtwoord gewijzigd',
    '{actor} changed their password',
  ),
  'auth.password-change-failed': s(
    'auth',
    'Mislukte poging om het wachtwoord van {subject} te wijzigen',
    "Failed attempt to change {subject}'s password",
  ),
  'api-token.create': s(
    'auth',
    '{actor} heeft een API-sleutel gemaakt voor {subject}',
    '{actor} created an API token for {subject}',
  ),
  'api-token.revoke': s(
    'auth',
    '{actor} heeft een API-sleutel van {subject} ingetrokken',
    '{actor} revoked an API token of {subject}',
  ),
  'user.create': s('users', '{actor} heeft gebruiker {subject} aangemaakt', '{actor} created user {subject}'),
  'user.update': s('users', '{actor} heeft gebruiker {subject} gewijzigd', '{actor} changed user {subject}'),
  'user.disable': s(
    'users',
    '{actor} heeft gebruiker {subject} geblokkeerd',
    '{actor} disabled user {subject}',
  ),
  'user.password-reset': s(
    'users',
    '{actor} heeft het wachtwoord van {subject} opnieuw ingesteld',
    "{actor} reset {subject}'s password",
  ),
  'user.provision': s(
    'users',
    'Gebruiker {subject} is aangemaakt bij de eerste aanmelding via de identiteitsprovider',
    'User {subject} was created on first sign-in through the identity provider',
  ),
  'user.roles-sync': s(
    'users',
    'De rollen van {subject} zijn bijgewerkt vanuit de identiteitsprovider',
    "{subject}'s roles were updated from the identity provider",
  ),
  'site.create': s('registry', '{actor} heeft locatie {subject} toegevoegd', '{actor} added site {subject}'),
  'site.update': s('registry', '{actor} heeft locatie {subject} gewijzigd', '{actor} changed site {subject}'),
  'room.create': s(
    'registry',
    '{actor} heeft spreekkamer {subject} toegevoegd',
    '{actor} added room {subject}',
  ),
  'room.update': s(
    'registry',
    '{actor} heeft spreekkamer {subject} gewijzigd',
    '{actor} changed room {subject}',
  ),
  'conversation-type.create': s(
    'registry',
    '{actor} heeft gesprekssoort {subject} toegevoegd',
    '{actor} added conversation type {subject}',
  ),
  'conversation-type.update': s(
    'registry',
    '{actor} heeft gesprekssoort {subject} gewijzigd',
    '{actor} changed conversation type {subject}',
  ),
  'organisation.update': s(
    'registry',
    '{actor} heeft de gegevens van de organisatie gewijzigd',
    "{actor} changed the organisation's details",
  ),
  'agent.create': s(
    'registry',
    '{actor} heeft een opnameagent voor een locatie aangemaakt (met een eenmalige aanmeldcode)',
    '{actor} created a recorder agent for a site (with a one-time enrolment code)',
  ),
  'agent.enrol': s(
    'registry',
    'Een opnameagent heeft zich aangemeld met zijn eenmalige code',
    'A recorder agent enrolled with its one-time code',
  ),
  'agent.revoke': s(
    'registry',
    '{actor} heeft een opnameagent ingetrokken; hij krijgt geen toegang meer',
    '{actor} revoked a recorder agent; it is refused from now on',
  ),
  'camera.create': s(
    'registry',
    '{actor} heeft camera {subject} toegevoegd',
    '{actor} added camera {subject}',
  ),
  'camera.update': s(
    'registry',
    '{actor} heeft camera {subject} gewijzigd',
    '{actor} changed camera {subject}',
  ),
  'camera.enable': s(
    'registry',
    '{actor} heeft camera {subject} aangezet',
    '{actor} enabled camera {subject}',
  ),
  'camera.disable': s(
    'registry',
    '{actor} heeft camera {subject} uitgezet',
    '{actor} disabled camera {subject}',
  ),
  'camera.remove': s(
    'registry',
    '{actor} heeft camera {subject} verwijderd',
    '{actor} removed camera {subject}',
  ),
  'device.register': s(
    'registry',
    '{actor} heeft alarmknop of koppeling {subject} geregistreerd',
    '{actor} registered alarm button or subscriber {subject}',
  ),
  'device.enable': s(
    'registry',
    '{actor} heeft alarmknop of koppeling {subject} aangezet',
    '{actor} enabled alarm button or subscriber {subject}',
  ),
  'device.disable': s(
    'registry',
    '{actor} heeft alarmknop of koppeling {subject} uitgezet',
    '{actor} disabled alarm button or subscriber {subject}',
  ),
  'device.rotate-token': s(
    'registry',
    '{actor} heeft een nieuwe sleutel gemaakt voor {subject}',
    '{actor} issued a new token for {subject}',
  ),
  'setting.update': s(
    'settings',
    '{actor} heeft instelling {subject} gewijzigd',
    '{actor} changed setting {subject}',
  ),
  'footage.hold-policy': s(
    'settings',
    '{actor} heeft de maximale bewaarplicht op beelden gewijzigd',
    '{actor} changed the longest legal hold on footage',
  ),
  'conversation.start': s(
    'alarms',
    '{actor} is een gesprek begonnen in {subject}',
    '{actor} started a conversation in {subject}',
  ),
  'conversation.end': s(
    'alarms',
    '{actor} heeft een gesprek beëindigd in {subject}',
    '{actor} ended a conversation in {subject}',
  ),
  'alarm.raise': s(
    'alarms',
    '{actor} heeft alarm geslagen ({subject})',
    '{actor} raised an alarm ({subject})',
  ),
  'alarm.press-joined': s(
    'alarms',
    'Een nieuwe druk op de knop is bij een lopend alarm gevoegd ({subject})',
    'A new button press joined a running alarm ({subject})',
  ),
  'alarm.acknowledge': s(
    'alarms',
    '{actor} komt helpen bij het alarm ({subject})',
    '{actor} is on the way to the alarm ({subject})',
  ),
  'alarm.escalate': s(
    'alarms',
    'Het alarm is opgeschaald: niemand reageerde op tijd ({subject})',
    'The alarm was escalated: nobody responded in time ({subject})',
  ),
  'alarm.close': s(
    'alarms',
    '{actor} heeft het alarm afgesloten ({subject})',
    '{actor} closed the alarm ({subject})',
  ),
  'incident.create': s(
    'incidents',
    '{actor} heeft een incident zonder alarm ingevoerd ({subject})',
    '{actor} entered an incident without an alarm ({subject})',
  ),
  'incident.report': s(
    'incidents',
    '{actor} heeft de incidentmelding ingevuld ({subject})',
    '{actor} completed the incident report ({subject})',
  ),
  'incident.amend': s(
    'incidents',
    '{actor} heeft de incidentmelding aangevuld ({subject})',
    '{actor} amended the incident report ({subject})',
  ),
  'incident.import': s('incidents', '{actor} heeft incidenten ingelezen', '{actor} imported incidents'),
  'incident.footage': s(
    'incidents',
    'Beelden zijn aan het incident gekoppeld ({subject})',
    'Footage was linked to the incident ({subject})',
  ),
  'assessment.create': s(
    'assessments',
    "{actor} heeft afweging '{subject}' aangemaakt",
    "{actor} created assessment '{subject}'",
  ),
  'assessment.update': s(
    'assessments',
    "{actor} heeft afweging '{subject}' gewijzigd",
    "{actor} changed assessment '{subject}'",
  ),
  'assessment.version.create': s(
    'assessments',
    "{actor} heeft een nieuwe versie van afweging '{subject}' gemaakt",
    "{actor} started a new version of assessment '{subject}'",
  ),
  'assessment.dpo-advice': s(
    'assessments',
    "{actor} heeft advies gegeven over afweging '{subject}'",
    "{actor} gave advice on assessment '{subject}'",
  ),
  'assessment.views': s(
    'assessments',
    "{actor} heeft de inbreng van betrokkenen vastgelegd bij afweging '{subject}'",
    "{actor} recorded the data subjects' views on assessment '{subject}'",
  ),
  'assessment.judgement': s(
    'assessments',
    "{actor} heeft een menselijke afweging vastgelegd bij afweging '{subject}'",
    "{actor} recorded a judgement on assessment '{subject}'",
  ),
  'assessment.submit': s(
    'assessments',
    "{actor} heeft afweging '{subject}' ingediend voor een besluit",
    "{actor} submitted assessment '{subject}' for a decision",
  ),
  'assessment.approve': s(
    'assessments',
    "{actor} heeft afweging '{subject}' goedgekeurd",
    "{actor} approved assessment '{subject}'",
  ),
  'assessment.reject': s(
    'assessments',
    "{actor} heeft afweging '{subject}' afgewezen",
    "{actor} rejected assessment '{subject}'",
  ),
  'assessment.supersede': s(
    'assessments',
    "Een eerdere goedgekeurde versie van afweging '{subject}' is vervangen",
    "An earlier approved version of assessment '{subject}' was superseded",
  ),
  'assessment.withdraw': s(
    'assessments',
    "{actor} heeft afweging '{subject}' ingetrokken",
    "{actor} withdrew assessment '{subject}'",
  ),
  'policy.compiled': s(
    'assessments',
    'Het opnamebeleid is opnieuw vastgesteld',
    'The recording policy was compiled anew',
  ),
  'policy.expired': s(
    'assessments',
    'Het opnamebeleid is bijgewerkt: een besluit is verlopen',
    'The recording policy was updated: a decision expired',
  ),
  'recording.suspend': s(
    'recording',
    '{actor} heeft opnemen stopgezet ({subject})',
    '{actor} suspended recording ({subject})',
  ),
  'recording.resume': s(
    'recording',
    '{actor} heeft opnemen hervat ({subject})',
    '{actor} resumed recording ({subject})',
  ),
  'recording.objection': s(
    'recording',
    '{actor} heeft opnemen uitgezet op bezwaar van een inwoner ({subject})',
    "{actor} switched recording off on a resident's objection ({subject})",
  ),
  'clip.open': s('recording', 'Een opname is begonnen ({subject})', 'A recording started ({subject})'),
  'clip.extend': s('recording', 'Een opname is verlengd ({subject})', 'A recording was extended ({subject})'),
  'clip.sealed': s(
    'recording',
    'Een opname is versleuteld opgeslagen ({subject})',
    'A recording was sealed ({subject})',
  ),
  'clip.failed': s('recording', 'Een opname is mislukt ({subject})', 'A recording failed ({subject})'),
  'clip.recovered': s(
    'recording',
    'Een onderbroken opname is hersteld ({subject})',
    'An interrupted recording was recovered ({subject})',
  ),
  'clip.deleted': s('recording', 'Beelden zijn gewist ({subject})', 'Footage was deleted ({subject})'),
  'clip.hold.placed': s(
    'footage',
    '{actor} heeft een bewaarplicht gelegd op beelden ({subject})',
    '{actor} placed a legal hold on footage ({subject})',
  ),
  'clip.hold.extended': s(
    'footage',
    '{actor} heeft een bewaarplicht op beelden verlengd ({subject})',
    '{actor} extended a legal hold on footage ({subject})',
  ),
  'clip.hold.released': s(
    'footage',
    '{actor} heeft een bewaarplicht op beelden opgeheven ({subject})',
    '{actor} released a legal hold on footage ({subject})',
  ),
  'dossier.exported': s(
    'assessments',
    '{actor} heeft het dossier voor de toezichthouder geëxporteerd',
    '{actor} exported the dossier for the regulator',
  ),
  'clip.exported': s(
    'footage',
    '{actor} heeft beelden geëxporteerd als bewijs ({subject})',
    '{actor} exported footage as evidence ({subject})',
  ),
  'clip.decrypt-started': s(
    'footage',
    '{actor} is begonnen beelden te ontsleutelen op de server ({subject})',
    '{actor} started decrypting footage on the server ({subject})',
  ),
  'clip.decrypt': s(
    'footage',
    '{actor} heeft beelden ontsleuteld op de server ({subject})',
    '{actor} decrypted footage on the server ({subject})',
  ),
  'viewing.requested': s(
    'footage',
    '{actor} heeft inzage in beelden gevraagd ({subject})',
    '{actor} requested to view footage ({subject})',
  ),
  'viewing.approved': s(
    'footage',
    '{actor} heeft een verzoek om inzage goedgekeurd ({subject})',
    '{actor} approved a viewing request ({subject})',
  ),
  'viewing.refused': s(
    'footage',
    '{actor} heeft een verzoek om inzage geweigerd ({subject})',
    '{actor} refused a viewing request ({subject})',
  ),
  'viewing.granted': s(
    'footage',
    'Inzage in beelden is toegestaan ({subject})',
    'Viewing footage was granted ({subject})',
  ),
  'viewing.played': s(
    'footage',
    '{actor} heeft beelden bekeken ({subject})',
    '{actor} played footage ({subject})',
  ),
  'viewing.revoked': s(
    'footage',
    '{actor} heeft inzage in beelden ingetrokken ({subject})',
    '{actor} revoked access to footage ({subject})',
  ),
  'viewing.ended': s(
    'footage',
    'Inzage in beelden is beëindigd ({subject})',
    'Access to footage ended ({subject})',
  ),
  // Residents' requests (rights.service.ts, `rights.request.<step>`): the entry names no resident.
  'rights.request.received': s(
    'footage',
    '{actor} heeft een verzoek van een inwoner ingeschreven',
    "{actor} registered a resident's request",
  ),
  'rights.request.started': s(
    'footage',
    '{actor} is begonnen met een verzoek van een inwoner',
    "{actor} started work on a resident's request",
  ),
  'rights.request.extended': s(
    'footage',
    '{actor} heeft de termijn van een verzoek van een inwoner verlengd',
    "{actor} extended the deadline of a resident's request",
  ),
  'rights.request.decided': s(
    'footage',
    '{actor} heeft besloten op een verzoek van een inwoner',
    "{actor} decided on a resident's request",
  ),
  'rights.request.sent': s(
    'footage',
    '{actor} heeft het besluit op een verzoek van een inwoner verstuurd',
    "{actor} sent the decision on a resident's request",
  ),
  'rights.request.closed': s(
    'footage',
    '{actor} heeft een verzoek van een inwoner afgesloten',
    "{actor} closed a resident's request",
  ),
  'rights.request.clips-linked': s(
    'footage',
    '{actor} heeft beelden gekoppeld aan een verzoek van een inwoner',
    "{actor} linked footage to a resident's request",
  ),
  'rights.request.contact-erased': s(
    'footage',
    'De contactgegevens bij een afgehandeld verzoek van een inwoner zijn gewist',
    "The contact details of a settled resident's request were erased",
  ),
  'rights.request.clip-erased': s(
    'footage',
    '{actor} heeft beelden gewist op verzoek van een inwoner',
    "{actor} erased footage at a resident's request",
  ),
  'rights.request.clip-restricted': s(
    'footage',
    '{actor} heeft het gebruik van beelden beperkt op verzoek van een inwoner',
    "{actor} restricted the use of footage at a resident's request",
  ),
  'rights.request.clip-refused-hold': s(
    'footage',
    '{actor} heeft beelden niet gewist: er rust een bewaarplicht op',
    '{actor} did not erase footage: a legal hold keeps it',
  ),
  'rights.request.clip-provided': s(
    'footage',
    '{actor} heeft een inwoner een kopie van beelden verstrekt',
    '{actor} provided a resident with a copy of footage',
  ),
  'redaction.detect-started': s(
    'footage',
    '{actor} heeft beelden ontsleuteld om gezichten te zoeken voor een kopie voor de betrokkene ({subject})',
    '{actor} decrypted footage to search faces for a copy for the data subject ({subject})',
  ),
  'redaction.detected': s(
    'footage',
    'Gezichten gezocht voor een kopie voor de betrokkene ({subject})',
    'Faces searched for a copy for the data subject ({subject})',
  ),
  'redaction.reviewed': s(
    'footage',
    '{actor} heeft vastgelegd welke gezichten zichtbaar blijven in de kopie voor de betrokkene ({subject})',
    '{actor} recorded which faces stay visible in the copy for the data subject ({subject})',
  ),
  'redaction.render-started': s(
    'footage',
    '{actor} heeft beelden ontsleuteld om de geanonimiseerde kopie te maken ({subject})',
    '{actor} decrypted footage to make the redacted copy ({subject})',
  ),
  'redaction.rendered': s(
    'footage',
    'Geanonimiseerde kopie voor de betrokkene gemaakt ({subject})',
    'Redacted copy for the data subject made ({subject})',
  ),
  'redaction.previewed': s(
    'footage',
    '{actor} heeft beelden bekeken om de kopie voor de betrokkene te beoordelen ({subject})',
    '{actor} played footage to review the copy for the data subject ({subject})',
  ),
  'redaction.downloaded': s(
    'footage',
    '{actor} heeft de geanonimiseerde kopie voor de betrokkene gedownload ({subject})',
    '{actor} downloaded the redacted copy for the data subject ({subject})',
  ),
  'redaction.copy-deleted': s(
    'footage',
    'Geanonimiseerde kopie voor de betrokkene verwijderd ({subject})',
    'Redacted copy for the data subject deleted ({subject})',
  ),
  'redaction.failed': s(
    'footage',
    'Maken van de kopie voor de betrokkene mislukt ({subject})',
    'Making the copy for the data subject failed ({subject})',
  ),
  'system.restored': s(
    'settings',
    '{actor} heeft een reservekopie teruggezet; wat na die kopie gebeurde, ontbreekt',
    '{actor} restored a backup; what happened after that backup is missing',
  ),
  'vault.init': s(
    'vault',
    '{actor} heeft de kluis voor beelden ingericht',
    '{actor} set up the footage vault',
  ),
  'vault.custody': s(
    'vault',
    '{actor} heeft de bewaarders van de kluissleutel vastgelegd',
    '{actor} recorded the custodians of the vault key',
  ),
  'vault.reshare': s(
    'vault',
    '{actor} heeft de kluissleutel opnieuw verdeeld over bewaarders',
    '{actor} redistributed the vault key among custodians',
  ),
  'complaint.received': s(
    'complaints',
    '{actor} heeft een klacht of vraag van de toezichthouder geregistreerd',
    '{actor} registered a complaint or regulator inquiry',
  ),
  'complaint.started': s(
    'complaints',
    '{actor} is begonnen met de behandeling van een klacht of vraag',
    '{actor} started handling a complaint or inquiry',
  ),
  'complaint.extended': s(
    'complaints',
    '{actor} heeft de termijn van een klacht of vraag verlengd',
    '{actor} extended the deadline of a complaint or inquiry',
  ),
  'complaint.entry-added': s(
    'complaints',
    '{actor} heeft een handeling vastgelegd bij een klacht of vraag',
    '{actor} recorded an action on a complaint or inquiry',
  ),
  'complaint.linked': s(
    'complaints',
    '{actor} heeft een klacht of vraag gekoppeld aan een afweging, ruimte of verzoek',
    '{actor} linked a complaint or inquiry to an assessment, room or request',
  ),
  'complaint.unlinked': s(
    'complaints',
    '{actor} heeft een koppeling van een klacht of vraag verwijderd',
    '{actor} removed a link from a complaint or inquiry',
  ),
  'complaint.answered': s(
    'complaints',
    '{actor} heeft een klacht of vraag beantwoord',
    '{actor} answered a complaint or inquiry',
  ),
  'complaint.closed': s(
    'complaints',
    '{actor} heeft een klacht of vraag afgesloten',
    '{actor} closed a complaint or inquiry',
  ),
  'complaint.contact-erased': s(
    'complaints',
    'De contactgegevens bij een afgesloten klacht zijn gewist',
    'The contact details of a closed complaint were erased',
  ),
  'vault.share-export': s(
    'vault',
    '{actor} heeft een deel van de kluissleutel overgedragen',
    '{actor} handed over a share of the vault key',
  ),
};

/** The group of an action code (for the log's "what" filter); an unknown code goes by its first word. */
export const auditGroupOf = (action: string): AuditGroup | undefined => AUDIT_SENTENCES[action]?.group;

/** The action codes of a group. */
export const auditActionsOf = (group: AuditGroup): string[] =>
  Object.entries(AUDIT_SENTENCES)
    .filter(([, v]) => v.group === group)
    .map(([k]) => k);

/** The entry as a sentence in both languages; an unknown code (a newer version wrote it) as a plain fallback. */
export const auditSentence = (
  action: string,
  names: { readonly actor: Text; readonly subject: Text },
): Text => {
  const t = AUDIT_SENTENCES[action];
  const fill = (tpl: string, lang: 'nl' | 'en') =>
    tpl.replaceAll('{actor}', names.actor[lang]).replaceAll('{subject}', names.subject[lang]);
  return t
    ? { nl: fill(t.nl, 'nl'), en: fill(t.en, 'en') }
    : { nl: `${names.actor.nl}: ${action}`, en: `${names.actor.en}: ${action}` };
};
