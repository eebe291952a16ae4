/**
 * The public privacy page of a site (issue 12 §5; AVG art. 12 and 13; EDPB 3/2019 §110–117):
 * every room with what its camera does now, why, how long images are kept, the resident's
 * rights, how to object on the spot and how to file a request, the DPO and the export key.
 * Plain HTML without scripts, in Dutch (B1) or English, built from the live policy on each
 * request. It says no more than the signs do: no staff names, no clips, no reasons or authors of
 * a suspension, no ids but the site's and the rooms' (whose pages the signs already link).
 */
import { citeArticle } from '../../core/assessment/citation.js';
import { PURPOSE_KIND_NAMES } from '../../core/assessment/labels.js';
import { t, type Lang, type Text } from '../../core/assessment/text.js';
import type { RoomPolicy } from '../../core/policy/policy.js';
import type { PublicBasis } from '../../core/policy/public-basis.js';
import { escapeHtml } from './html-document.js';
import type { Organisation } from './ropa.js';
import { dpoContact, factsOf, retentionText, soundText, STAFF_SAFETY, type Facts } from './transparency.js';

export interface SitePrivacyInput {
  readonly organisation: Organisation;
  readonly site: { readonly name: string; readonly address: string };
  /** This page's own address (without ?lang), for the language link. */
  readonly url: string;
  readonly rooms: readonly {
    readonly name: string;
    /** The room's own privacy page. */
    readonly url: string;
    readonly policy: RoomPolicy | undefined;
    /** The legal basis and purpose of the approved assessment(s) enabling the room now. */
    readonly bases: readonly PublicBasis[];
  }[];
  readonly conversationTypeNames: Readonly<Record<string, Text>>;
  /** Recording is suspended for this site (or the whole organisation) since then; ISO instant. */
  readonly suspendedSince?: string;
  readonly exportKey?: { readonly fingerprint: string; readonly pem: string; readonly url: string };
  readonly timeZone: string;
}

/** "6 december 2026 om 14:05" in the given time zone (Europe/Amsterdam for residents). */
const momentText = (iso: string, lang: Lang, timeZone: string): string => {
  const f = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...o, timeZone }).format(new Date(iso));
  const day = f({ day: 'numeric', month: 'long', year: 'numeric' });
  const time = f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return lang === 'nl' ? `${day} om ${time}` : `${day} at ${time}`;
};

const COLUMNS = {
  mode: t('Wat de camera doet', 'What the camera does'),
  sound: t('Geluid', 'Sound'),
  retention: t('Beelden gewist na', 'Images deleted after'),
  basis: t('Grondslag en doel', 'Legal basis and purpose'),
};

/** GDPR Art. 6(1)'s points in a resident's words. */
const BASIS_NAMES: Readonly<Record<string, Text>> = {
  a: t('toestemming', 'consent'),
  b: t('nodig voor een overeenkomst', 'needed for a contract'),
  c: t('een wettelijke plicht', 'a legal obligation'),
  d: t('een vitaal belang', 'vital interests'),
  e: t('een taak van algemeen belang', 'a task in the public interest'),
  f: t('een gerechtvaardigd belang', 'legitimate interests'),
};

/**
 * One basis as the assessment states it: the article and its name in the page's language, the
 * provision and the purpose in the assessment's own words (Dutch: marked so on the English page).
 */
const basisHtml = (b: PublicBasis, lang: Lang): string => {
  const own = (text: string) =>
    lang === 'nl' ? escapeHtml(text) : `<span lang="nl">${escapeHtml(text)}</span>`;
  const name = BASIS_NAMES[b.article];
  const kinds = b.purposeKinds.map((k) => PURPOSE_KIND_NAMES[k][lang]).join(', ');
  const label = (l: Text) => `<strong>${escapeHtml(l[lang])}:</strong>`;
  return [
    `<p>${label(t('Grondslag', 'Legal basis'))} ${escapeHtml(citeArticle(`6(1)(${b.article})`, lang))}${name ? ` (${escapeHtml(name[lang])})` : ''}${b.provision ? `, ${own(b.provision)}` : ''}</p>`,
    `<p>${label(t('Doel', 'Purpose'))} ${own(b.purpose)}${kinds ? ` (${escapeHtml(kinds)})` : ''}</p>`,
  ].join('');
};

const STYLE =
  'body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;line-height:1.55;max-width:46rem;margin:0 auto;padding:1.5rem;color:#1b1b1b}' +
  'h1,h2{color:#12355b}h2{margin-top:1.8rem}a{color:#0b4f91}a:focus{outline:3px solid #12355b;outline-offset:2px}' +
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #8a8a8a;padding:.4rem .5rem;text-align:left;vertical-align:top}' +
  'th{background:#e4ebf2}.callout{border-left:6px solid #9a6700;background:#fff5da;padding:.7rem 1rem;margin:1rem 0}' +
  'pre{white-space:pre-wrap;word-break:break-all;background:#f3f3f3;padding:.6rem}.lang{text-align:right}' +
  // The key's fingerprint is one 64-character word: it wraps rather than scroll a phone sideways.
  'p,td,th{overflow-wrap:break-word}' +
  // On a phone each room is a block of labelled lines: four columns would break words mid-word.
  '@media (max-width:36rem){body{padding:1rem}table,tbody,tr,th,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}' +
  'tr{border:1px solid #8a8a8a;margin:0 0 .75rem}th,td{border:0;padding:.3rem .5rem}td::before{content:attr(data-label) ": ";font-weight:bold}}';

/** What the camera in a room does, in a resident's words. */
const modeText = (f: Facts, suspended: boolean): Text => {
  if (suspended && f.recording)
    return t('Nu geen opname: het opnemen is stilgelegd', 'No recording now: recording is suspended');
  if (!f.recording) return t('Geen opname', 'No recording');
  if (f.incidentOnly)
    return t(
      `Alleen bij alarm: de beelden van ${f.preRoll} seconden vóór tot ${f.postRoll} seconden na het alarm`,
      `Only on an alarm: the images from ${f.preRoll} seconds before to ${f.postRoll} seconds after the alarm`,
    );
  return t(
    `Opname tijdens gesprekken: ${f.conversations.nl}`,
    `Recording during conversations: ${f.conversations.en}`,
  );
};

const page = (lang: Lang, title: string, otherHref: string, body: readonly string[]): string => {
  const other = lang === 'nl' ? { lang: 'en', text: 'English' } : { lang: 'nl', text: 'Nederlands' };
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<nav aria-label="${lang === 'nl' ? 'Taal' : 'Language'}" class="lang"><a href="${escapeHtml(otherHref)}" lang="${other.lang}" hreflang="${other.lang}">${other.text}</a></nav>`,
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

const withLang = (url: string, lang: Lang): string => (lang === 'nl' ? url : `${url}?lang=en`);

export const renderSitePrivacyHtml = (i: SitePrivacyInput, lang: Lang): string => {
  const x = (s: Text): string => escapeHtml(s[lang]);
  const o = i.organisation;
  const suspended = i.suspendedSince !== undefined;
  // Facts word the kinds of conversation in the page's language (both halves of its Text alike).
  const names = Object.fromEntries(Object.entries(i.conversationTypeNames).map(([id, n]) => [id, n[lang]]));
  const rooms = i.rooms.map((r) => ({
    ...r,
    facts: factsOf({ policy: r.policy, conversationTypeNames: names }),
  }));
  const recordingRooms = rooms.filter((r) => r.facts.recording);
  const title = t(`Camera's en privacy in ${i.site.name}`, `Cameras and privacy at ${i.site.name}`);
  const contact = dpoContact(o);
  const address = [o.name, o.address.replace(/\n/g, ', ')].filter((s) => s !== '').join(', ');
  const body: string[] = [
    `<h1>${x(title)}</h1>`,
    `<p>${x(
      t(
        `${o.name} gebruikt in sommige gesprekskamers een camera voor ${STAFF_SAFETY.nl}. Hier leest u per kamer wat de camera doet, waarom, hoe lang beelden blijven bestaan en wat uw rechten zijn.`,
        `${o.name} uses a camera in some interview rooms for ${STAFF_SAFETY.en}. Here you can read for each room what the camera does, why, how long images are kept and what your rights are.`,
      ),
    )}</p>`,
  ];
  if (i.suspendedSince !== undefined)
    body.push(
      `<div class="callout" role="note"><p><strong>${x(
        t(
          `Op dit moment neemt geen enkele camera in ${i.site.name} op. Het opnemen is stilgelegd sinds ${momentText(i.suspendedSince, 'nl', i.timeZone)}.`,
          `At the moment no camera at ${i.site.name} records. Recording has been suspended since ${momentText(i.suspendedSince, 'en', i.timeZone)}.`,
        ),
      )}</strong></p></div>`,
    );
  body.push(
    `<h2>${x(t('Per kamer', 'Room by room'))}</h2>`,
    rooms.length === 0
      ? `<p>${x(t('Deze locatie heeft geen gesprekskamers met een camera.', 'This site has no interview rooms with a camera.'))}</p>`
      : [
          // Explicit roles: on a phone the rows are shown as blocks, and CSS display would drop the table's semantics.
          '<table role="table">',
          `<caption>${x(t(`Kamers in ${i.site.name}`, `Rooms at ${i.site.name}`))}</caption>`,
          `<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">${x(t('Kamer', 'Room'))}</th><th scope="col" role="columnheader">${x(COLUMNS.mode)}</th><th scope="col" role="columnheader">${x(COLUMNS.sound)}</th><th scope="col" role="columnheader">${x(COLUMNS.retention)}</th><th scope="col" role="columnheader">${x(COLUMNS.basis)}</th></tr></thead>`,
          '<tbody role="rowgroup">',
          ...rooms.map((r) => {
            const on = r.facts.recording;
            const cell = (label: Text, content: string) =>
              `<td role="cell" data-label="${x(label)}">${content}</td>`;
            return `<tr role="row"><th scope="row" role="rowheader"><a href="${escapeHtml(withLang(r.url, lang))}">${escapeHtml(r.name)}</a></th>${cell(COLUMNS.mode, x(modeText(r.facts, suspended)))}${cell(COLUMNS.sound, on ? x(soundText(r.facts.audio)) : '—')}${cell(COLUMNS.retention, on ? x(retentionText(r.facts.retentionHours)) : '—')}${cell(COLUMNS.basis, on && r.bases.length > 0 ? r.bases.map((b) => basisHtml(b, lang)).join('') : '—')}</tr>`;
          }),
          '</tbody>',
          '</table>',
        ].join('\n'),
    `<h2>${x(t('Waarom', 'Why'))}</h2>`,
    `<p>${x(
      t(
        'Medewerkers worden soms bedreigd of aangevallen. Met de camera kan een medewerker snel hulp halen, en is er bewijs als er iets gebeurt. De beelden worden nooit gebruikt om medewerkers te beoordelen. Voor elke camera heeft de gemeente eerst afgewogen of hij echt nodig is, en of het met minder kan.',
        'Staff are sometimes threatened or attacked. With the camera a staff member can get help quickly, and there is evidence if something happens. The images are never used to assess staff. For every camera the municipality first weighed whether it is really needed, and whether less would do.',
      ),
    )}</p>`,
    `<p>${x(
      recordingRooms.length === 0
        ? t(
            'Hier neemt geen camera op. Er is dus ook geen grondslag om op te nemen.',
            'No camera records here, so there is no legal basis for recording either.',
          )
        : t(
            'Op welke grondslag wij mogen opnemen en met welk doel, staat per kamer in de tabel: zoals de goedgekeurde afweging (DPIA) voor die kamer het zegt. Wordt zo’n afweging ingetrokken of verloopt ze, dan stopt de opname en staat hier “Geen opname”.',
            'On what legal basis we may record and for what purpose is in the table for each room, as the approved assessment (DPIA) for that room states it. If such an assessment is withdrawn or expires, recording stops and this page says “No recording”.',
          ),
    )}</p>`,
    `<h2>${x(t('Hoe lang', 'How long'))}</h2>`,
    `<p>${x(
      recordingRooms.length === 0
        ? t('Er worden hier geen beelden bewaard.', 'No images are kept here.')
        : t(
            'Beelden worden automatisch gewist na de bewaartermijn in de tabel. Alleen beelden van een incident dat nog wordt afgehandeld (bijvoorbeeld een aangifte) blijven langer, tot het incident is afgehandeld.',
            'Images are deleted automatically after the period in the table. Only images of an incident still being handled (for example a police report) are kept longer, until it is resolved.',
          ),
    )}</p>`,
    `<h2>${x(t('Geen camera? Zeg het ter plekke', 'No camera? Say so on the spot'))}</h2>`,
    `<p>${x(
      t(
        'Wilt u niet gefilmd worden? Zeg het aan het begin van het gesprek tegen de medewerker. De opname gaat direct uit. U krijgt gewoon uw gesprek en uw dienst (AVG art. 21).',
        'Don’t want to be filmed? Tell the staff member at the start of the conversation. Recording stops at once. You still get your conversation and your service (GDPR Art. 21).',
      ),
    )}</p>`,
    `<h2>${x(t('Uw rechten', 'Your rights'))}</h2>`,
    '<ul>',
    `<li>${x(t('U mag de beelden van uzelf zien of een kopie krijgen (AVG art. 15). Andere mensen op de beelden maken wij onherkenbaar.', 'You may see the images of yourself or get a copy (GDPR Art. 15). Other people in the images are made unrecognisable.'))}</li>`,
    `<li>${x(t('U mag vragen de beelden te wissen (AVG art. 17) of ze tijdelijk niet te gebruiken (AVG art. 18).', 'You may ask us to delete the images (GDPR Art. 17) or not to use them for a while (GDPR Art. 18).'))}</li>`,
    `<li>${x(t('U mag bezwaar maken tegen de opname (AVG art. 21).', 'You may object to the recording (GDPR Art. 21).'))}</li>`,
    `<li>${x(t('U krijgt binnen een maand antwoord. Soms duurt het hooguit twee maanden langer; dat horen wij u dan binnen de eerste maand te laten weten, met de reden (AVG art. 12 lid 3).', 'You get an answer within one month. Sometimes it takes at most two months more; we then tell you within the first month, with the reason (GDPR Art. 12(3)).'))}</li>`,
    `<li>${x(t('Bent u het niet eens met ons antwoord? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (AVG art. 77).', 'Do you disagree with our answer? You may complain to the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens (GDPR Art. 77).'))}</li>`,
    '</ul>',
    `<h2>${x(t('Een verzoek indienen', 'Making a request'))}</h2>`,
    `<p>${x(
      t(
        `Vraag het aan de balie, of stuur een brief of e-mail aan de functionaris gegevensbescherming. Noem de kamer, de dag en ongeveer de tijd, en hoe wij u op de beelden herkennen. Wij vragen u om te laten zien wie u bent; wij maken geen kopie van uw identiteitsbewijs.`,
        `Ask at the front desk, or send a letter or e-mail to the data protection officer. Name the room, the day and roughly the time, and how we can recognise you in the images. We ask you to show who you are; we do not copy your identity document.`,
      ),
    )}</p>`,
    `<h2>${x(t('Functionaris gegevensbescherming', 'Data protection officer'))}</h2>`,
    `<p>${x(
      t(
        `Vragen over camera's en privacy: ${contact}. Verantwoordelijk: ${address}.`,
        `Questions about cameras and privacy: ${contact}. Responsible: ${address}.`,
      ),
    )}</p>`,
  );
  if (i.exportKey !== undefined)
    body.push(
      `<h2>${x(t('Beelden voor de politie', 'Footage for the police'))}</h2>`,
      `<p>${x(
        t(
          `Beelden die wij aan de politie geven, ondertekenen wij met onze exportsleutel (Ed25519). Zo kan iedereen nagaan dat ze van ons komen en niet zijn veranderd. Vingerafdruk (SHA-256): ${i.exportKey.fingerprint}.`,
          `Footage we give to the police is signed with our export key (Ed25519). Anyone can check that it came from us and was not changed. Fingerprint (SHA-256): ${i.exportKey.fingerprint}.`,
        ),
      )} <a href="${escapeHtml(i.exportKey.url)}">${x(t('De sleutel als bestand', 'The key as a file'))}</a></p>`,
      `<pre>${escapeHtml(i.exportKey.pem.trim())}</pre>`,
    );
  return page(lang, title[lang], withLang(i.url, lang === 'nl' ? 'en' : 'nl'), body);
};

/** The answer for a site that does not exist: a page, in Dutch first, not a problem document. */
export const renderSitePrivacyNotFound = (lang: Lang, url: string): string =>
  page(
    lang,
    lang === 'nl' ? 'Locatie niet gevonden' : 'Site not found',
    withLang(url, lang === 'nl' ? 'en' : 'nl'),
    [
      `<h1>${lang === 'nl' ? 'Locatie niet gevonden' : 'Site not found'}</h1>`,
      `<p>${
        lang === 'nl'
          ? 'Deze pagina bestaat niet. Kijk of het adres goed is, of scan de code op het bord bij de kamer opnieuw.'
          : 'This page does not exist. Check the address, or scan the code on the sign at the room again.'
      }</p>`,
    ],
  );
