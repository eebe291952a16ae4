/**
 * The transparency texts that follow from a room's effective policy (rule TRN-1; GDPR Art. 13;
 * EDPB 3/2019 §110–117): the first-layer sign at the door (A4 PDF, large plain Dutch, English
 * below), the second-layer page (Markdown and HTML) and the paragraph for the invitation letter.
 *
 * A room whose policy is off (no entries, or no policy at all) still gets a sign, one that says
 * no images or sound are recorded. Residents of the defining case feared the camera; a clear
 * "no recording here" removes the doubt, and replacing the sign is how an old camera sign comes
 * down when recording is switched off. Its letter paragraph says the same.
 */
import { hoursText } from '../../core/assessment/hours.js';
import { perLanguage, t, type Text } from '../../core/assessment/text.js';
import type { RoomPolicy } from '../../core/policy/policy.js';
import type { Block, RenderDocument } from './document.js';
import { escapeHtml, renderHtml } from './html-document.js';
import { renderPdf } from './pdf-document.js';
import { qrMatrix } from './qr.js';
import type { Organisation } from './ropa.js';

export interface TransparencyInput {
  readonly organisation: Organisation;
  readonly room: { readonly id: string; readonly name: string };
  /** The room's effective policy; undefined or no entries: recording is off. */
  readonly policy: RoomPolicy | undefined;
  /** Names of the kinds of conversation, by id (the policy holds ids only). */
  readonly conversationTypeNames?: Readonly<Record<string, string>>;
  /** Where the second layer lives: a URL, or the text printed under a QR code. */
  readonly secondLayerUrl: string;
  /** The purpose in the residents' words; defaults to staff safety. */
  readonly purpose?: Text;
  /** The public page of the room's site (all rooms, rights, the DPO): linked, and a QR code on the sign. */
  readonly site?: { readonly name: string; readonly url: string };
  /** The organisation's evidence export key (issue 10 §4): its fingerprint and where its PEM is published. */
  readonly exportKey?: { readonly fingerprint: string; readonly pem: string; readonly url: string };
}

export interface TransparencyTexts {
  readonly recording: boolean;
  /** The sign's content as a document (rendered by renderSignPdf). */
  readonly sign: RenderDocument;
  readonly secondLayerMarkdown: string;
  readonly secondLayerHtml: string;
  readonly letterParagraph: Text;
}

export interface Facts {
  readonly recording: boolean;
  readonly incidentOnly: boolean;
  readonly audio: boolean;
  readonly retentionHours: number;
  readonly preRoll: number;
  readonly postRoll: number;
  readonly conversations: Text;
  readonly viewers: readonly string[];
}

/** What a room's policy means for a resident; also read by the site page (site-privacy.ts). */
export const factsOf = (i: Pick<TransparencyInput, 'policy' | 'conversationTypeNames'>): Facts => {
  const entries = i.policy?.entries ?? [];
  const name = (id: string): string => i.conversationTypeNames?.[id] ?? id;
  const conversations = perLanguage((lang) =>
    entries.map((e) => `${name(e.conversationTypeId)} (${hoursText(e.hours)[lang]})`).join('; '),
  );
  const incidentEntries = entries.filter((e) => e.mode.kind === 'incident-triggered');
  return {
    recording: entries.length > 0,
    incidentOnly: entries.length > 0 && incidentEntries.length === entries.length,
    audio: entries.some((e) => e.audioAllowed),
    retentionHours: Math.max(0, ...entries.map((e) => e.retentionHours)),
    preRoll: Math.max(
      0,
      ...incidentEntries.map((e) => (e.mode.kind === 'incident-triggered' ? e.mode.preRollSeconds : 0)),
    ),
    postRoll: Math.max(
      0,
      ...incidentEntries.map((e) => (e.mode.kind === 'incident-triggered' ? e.mode.postRollSeconds : 0)),
    ),
    conversations,
    viewers: [...new Set(entries.flatMap((e) => e.viewers))],
  };
};

export const dpoContact = (o: Organisation): string =>
  [o.dpo.name, o.dpo.email, o.dpo.phone].filter((x): x is string => x !== undefined && x !== '').join(', ');
export const retentionText = (h: number): Text =>
  h % 24 === 0 && h >= 48
    ? t(`${h / 24} dagen (${h} uur)`, `${h / 24} days (${h} hours)`)
    : t(`${h} uur`, `${h} hours`);
export const soundText = (audio: boolean): Text =>
  audio
    ? t('Ook geluid wordt opgenomen.', 'Sound is recorded too.')
    : t('Er wordt geen geluid opgenomen.', 'No sound is recorded.');
/** Language-neutral: a blank line, a name. */
const same = (s: string): Text => t(s, s);
export const STAFF_SAFETY = t(
  'de veiligheid van medewerkers en bezoekers',
  'the safety of staff and visitors',
);

/** The sign's lines: short sentences, most important first. */
const signLines = (i: TransparencyInput, f: Facts): { head: Text; lines: Text[] } => {
  const o = i.organisation;
  const ret = retentionText(f.retentionHours);
  const purpose = i.purpose ?? STAFF_SAFETY;
  const more = t(`Meer informatie: ${i.secondLayerUrl}`, `More information: ${i.secondLayerUrl}`);
  if (!f.recording) {
    return {
      head: t('Hier wordt niet gefilmd', 'No camera recording here'),
      lines: [
        t(
          `In ${i.room.name} worden geen beelden en geen geluid opgenomen.`,
          `No images and no sound are recorded in ${i.room.name}.`,
        ),
        t(
          `Vragen? Functionaris gegevensbescherming van ${o.name}: ${dpoContact(o)}.`,
          `Questions? Data protection officer of ${o.name}: ${dpoContact(o)}.`,
        ),
        more,
      ],
    };
  }
  return {
    head: f.incidentOnly
      ? t('Camera: opname alleen bij alarm', 'Camera: recording only on an alarm')
      : t('Camera: opname tijdens gesprekken', 'Camera: recording during conversations'),
    lines: [
      t(
        `${o.name} gebruikt in ${i.room.name} een camera voor ${purpose.nl}.`,
        `${o.name} uses a camera in ${i.room.name} for ${purpose.en}.`,
      ),
      f.incidentOnly
        ? t(
            `Er wordt alleen iets bewaard als een medewerker op de alarmknop drukt: de beelden van ${f.preRoll} seconden vóór tot ${f.postRoll} seconden na het alarm.`,
            `Nothing is kept unless a staff member presses the alarm button: then the images from ${f.preRoll} seconds before to ${f.postRoll} seconds after the alarm are kept.`,
          )
        : t(
            `Er worden beelden opgenomen tijdens: ${f.conversations.nl}.`,
            `Images are recorded during: ${f.conversations.en}.`,
          ),
      soundText(f.audio),
      t(
        `Beelden worden na ${ret.nl} automatisch gewist, tenzij ze nodig zijn voor een incident.`,
        `Images are deleted automatically after ${ret.en}, unless they are needed for an incident.`,
      ),
      t(
        'Wilt u geen camera? Zeg het de medewerker. De opname gaat direct uit. U krijgt gewoon uw gesprek en uw dienst.',
        'Don’t want the camera? Tell the staff member. Recording stops at once. You still get your conversation and your service.',
      ),
      t(
        'U mag de beelden inzien of laten wissen, en bezwaar maken.',
        'You may see the images or have them deleted, and you may object.',
      ),
      t(
        `Vragen? Functionaris gegevensbescherming: ${dpoContact(o)}.`,
        `Questions? Data protection officer: ${dpoContact(o)}.`,
      ),
      more,
    ],
  };
};

const signDocument = (i: TransparencyInput, f: Facts): RenderDocument => {
  const { head, lines } = signLines(i, f);
  const first = f.recording ? 3 : 1;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: head.nl },
    {
      kind: 'callout',
      tone: f.recording ? 'caution' : 'positive',
      lines: lines.slice(0, first).map((l) => l.nl),
      size: 'large',
    },
    ...lines.slice(first).map((l): Block => ({ kind: 'paragraph', content: l.nl, size: 'large' })),
    ...(i.site === undefined
      ? []
      : [
          {
            kind: 'paragraph',
            content: `Scan de code: alle kamers in ${i.site.name}, en uw rechten.`,
          } satisfies Block,
          {
            kind: 'qr',
            modules: qrMatrix(i.site.url),
            alt: `QR-code: ${i.site.url}`,
            widthMm: 40,
          } satisfies Block,
        ]),
    { kind: 'heading', level: 2, text: head.en, lang: 'en' },
    ...lines.map((l): Block => ({
      kind: 'paragraph',
      content: l.en,
      lang: 'en',
      muted: true,
      size: 'small',
    })),
    ...(i.site === undefined
      ? []
      : [
          {
            kind: 'paragraph',
            content: `Scan the code for every room at ${i.site.name}, and your rights.`,
            lang: 'en',
            muted: true,
            size: 'small',
          } satisfies Block,
        ]),
  ];
  return {
    lang: 'nl',
    title: `${head.nl} — ${i.room.name}`,
    subtitle: i.organisation.name,
    author: i.organisation.name,
    blocks,
  };
};

/** Second layer (EDPB 3/2019 §114–117): everything Art. 13 asks, in plain language; Markdown lines. */
const secondLayer = (i: TransparencyInput, f: Facts): Text[] => {
  const o = i.organisation;
  const ret = retentionText(f.retentionHours);
  const address = o.address.replace(/\n/g, ', ');
  const viewers =
    f.viewers.length === 0
      ? t('niemand zonder toestemming van een tweede persoon', 'nobody without a second person’s approval')
      : same(f.viewers.join(', '));
  const purpose = i.purpose ?? STAFF_SAFETY;
  if (!f.recording) {
    return [
      t(`# Geen camera-opname in ${i.room.name}`, `# No camera recording in ${i.room.name}`),
      same(''),
      t(
        `${o.name} neemt in ${i.room.name} geen beelden en geen geluid op.`,
        `${o.name} records no images and no sound in ${i.room.name}.`,
      ),
      same(''),
      t(
        `Vragen: functionaris gegevensbescherming, ${dpoContact(o)}. ${o.name}, ${address}.`,
        `Questions: data protection officer, ${dpoContact(o)}. ${o.name}, ${address}.`,
      ),
    ];
  }
  return [
    same(`# Camera in ${i.room.name}`),
    same(''),
    t('## Wie', '## Who'),
    t(
      `${o.name}, ${address}, is verantwoordelijk. Functionaris gegevensbescherming: ${dpoContact(o)}.`,
      `${o.name}, ${address}, is responsible. Data protection officer: ${dpoContact(o)}.`,
    ),
    same(''),
    t('## Waarom', '## Why'),
    t(
      `Voor ${purpose.nl}. De camera is er om hulp te halen en bewijs te hebben als een medewerker of bezoeker wordt bedreigd of aangevallen. De beelden worden nooit gebruikt om medewerkers te beoordelen.`,
      `For ${purpose.en}. The camera is there to get help and to have evidence when a staff member or visitor is threatened or attacked. The images are never used to assess staff.`,
    ),
    same(''),
    t('## Wanneer', '## When'),
    f.incidentOnly
      ? t(
          `Alleen als een medewerker op de alarmknop drukt, worden beelden bewaard: van ${f.preRoll} seconden vóór tot ${f.postRoll} seconden na het alarm. Zonder alarm wordt niets bewaard.`,
          `Images are kept only when a staff member presses the alarm button: from ${f.preRoll} seconds before to ${f.postRoll} seconds after the alarm. Without an alarm nothing is kept.`,
        )
      : t(
          `Er worden beelden opgenomen tijdens: ${f.conversations.nl}.`,
          `Images are recorded during: ${f.conversations.en}.`,
        ),
    soundText(f.audio),
    same(''),
    t('## Hoe lang', '## How long'),
    t(
      `De beelden worden na ${ret.nl} automatisch gewist. Alleen beelden van een incident dat nog wordt afgehandeld (bijvoorbeeld een aangifte) worden langer bewaard, tot het incident is afgehandeld.`,
      `Images are deleted automatically after ${ret.en}. Only images of an incident still being handled (for example a police report) are kept longer, until it is resolved.`,
    ),
    same(''),
    t('## Wie kijkt', '## Who looks'),
    t(
      `Alleen: ${viewers.nl}, na goedkeuring door een tweede persoon. Elke inzage wordt vastgelegd. Bij een aangifte kan de politie de beelden krijgen.`,
      `Only: ${viewers.en}, after a second person’s approval. Every viewing is logged. For a police report the police may receive the images.`,
    ),
    same(''),
    t('## Uw rechten', '## Your rights'),
    t(
      '- Wilt u geen camera? Zeg het de medewerker: de opname gaat direct uit, en u krijgt gewoon uw gesprek en uw dienst.',
      '- Don’t want the camera? Tell the staff member: recording stops at once, and you still get your conversation and your service.',
    ),
    t(
      '- U mag de beelden inzien, laten wissen of bezwaar maken. U krijgt binnen een maand antwoord (hooguit twee maanden langer als wij u dat binnen de eerste maand laten weten, met redenen). Andere mensen op de beelden maken wij onherkenbaar.',
      '- You may see the images, have them deleted, or object. You get an answer within one month (at most two months more if we tell you so, with reasons, within the first month). Other people in the images are made unrecognisable.',
    ),
    t(
      '- U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.',
      '- You may complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
    ),
  ];
};

const letter = (i: TransparencyInput, f: Facts): Text => {
  const o = i.organisation;
  if (!f.recording) {
    return t(
      `Uw gesprek is in ${i.room.name}. Daar worden geen beelden en geen geluid opgenomen.`,
      `Your conversation takes place in ${i.room.name}. No images and no sound are recorded there.`,
    );
  }
  const ret = retentionText(f.retentionHours);
  const sound = soundText(f.audio);
  return t(
    `Uw gesprek is in ${i.room.name}. Daar hangt een camera voor de veiligheid van medewerkers en bezoekers. ${
      f.incidentOnly
        ? 'Er wordt alleen iets bewaard als een medewerker op de alarmknop drukt.'
        : 'Tijdens het gesprek worden beelden opgenomen.'
    } ${sound.nl} Beelden worden na ${ret.nl} gewist. Wilt u geen camera? Zeg het aan het begin van het gesprek: de opname gaat dan uit, en u krijgt gewoon uw gesprek. Meer informatie: ${i.secondLayerUrl}. Vragen: ${dpoContact(o)}.`,
    `Your conversation takes place in ${i.room.name}. There is a camera there for the safety of staff and visitors. ${
      f.incidentOnly
        ? 'Nothing is kept unless a staff member presses the alarm button.'
        : 'Images are recorded during the conversation.'
    } ${sound.en} Images are deleted after ${ret.en}. Don’t want the camera? Say so at the start of the conversation: recording is switched off, and you still have your conversation. More information: ${i.secondLayerUrl}. Questions: ${dpoContact(o)}.`,
  );
};

/** Minimal Markdown → HTML for the second layer we write ourselves (headings, paragraphs, lists). */
const markdownToHtmlBody = (lines: readonly string[]): string => {
  const out: string[] = [];
  let list = false;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      if (!list) out.push('<ul>');
      list = true;
      out.push(`<li>${escapeHtml(line.slice(2))}</li>`);
      continue;
    }
    if (list) out.push('</ul>');
    list = false;
    if (line.startsWith('## ')) out.push(`<h2>${escapeHtml(line.slice(3))}</h2>`);
    else if (line.startsWith('# ')) out.push(`<h1>${escapeHtml(line.slice(2))}</h1>`);
    else if (line !== '') out.push(`<p>${escapeHtml(line)}</p>`);
  }
  if (list) out.push('</ul>');
  return out.join('\n');
};

/** The export key's fingerprint, so the police can check a package came from this organisation. */
const exportKeyLines = (i: TransparencyInput): Text[] =>
  i.exportKey === undefined
    ? []
    : [
        t('', ''),
        t('## Beelden voor de politie', '## Footage for the police'),
        t(
          `Beelden die wij aan de politie geven, ondertekenen wij met onze exportsleutel (Ed25519). Vingerafdruk (SHA-256): ${i.exportKey.fingerprint}. De sleutel zelf: ${i.exportKey.url}`,
          `Footage we give to the police is signed with our export key (Ed25519). Fingerprint (SHA-256): ${i.exportKey.fingerprint}. The key itself: ${i.exportKey.url}`,
        ),
        // The public key (PEM), line by line, so it can be copied from the page.
        ...i.exportKey.pem
          .trim()
          .split('\n')
          .map((line) => t(line, line)),
      ];

export const buildTransparencyTexts = (input: TransparencyInput): TransparencyTexts => {
  const f = factsOf(input);
  const siteLine =
    input.site === undefined
      ? []
      : [
          t('', ''),
          t(
            `Alle kamers in ${input.site.name}: ${input.site.url}`,
            `Every room in ${input.site.name}: ${input.site.url}?lang=en`,
          ),
        ];
  const lines = [...secondLayer(input, f), ...siteLine, ...exportKeyLines(input)];
  const second = { nl: lines.map((l) => l.nl), en: lines.map((l) => l.en) };
  const md = `${second.nl.join('\n')}\n\n---\n\n${second.en.join('\n')}\n`;
  const html = [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(second.nl[0]?.slice(2) ?? input.room.name)}</title>`,
    '<style>body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;line-height:1.55;max-width:42rem;margin:0 auto;padding:1.5rem;color:#1b1b1b}h1{color:#12355b}h2{color:#12355b;margin-top:1.6rem}</style>',
    '</head>',
    '<body>',
    '<main>',
    ...(input.site === undefined
      ? []
      : [
          `<p><a href="${escapeHtml(input.site.url)}">Alle kamers in ${escapeHtml(input.site.name)}, uw rechten en hoe u bezwaar maakt</a> · <a href="${escapeHtml(input.site.url)}?lang=en" lang="en">Every room in ${escapeHtml(input.site.name)}, your rights</a></p>`,
        ]),
    `<article>${markdownToHtmlBody(second.nl)}</article>`,
    `<article lang="en">${markdownToHtmlBody(second.en)}</article>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return {
    recording: f.recording,
    sign: signDocument(input, f),
    secondLayerMarkdown: md,
    secondLayerHtml: html,
    letterParagraph: letter(input, f),
  };
};

/** pdfkit writes page objects uncompressed; counting them tells whether the sign fits one page. */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;

/** The first-layer sign as one A4 page: the largest type (from 14 pt down) that fits, no page furniture. */
export const renderSignPdf = async (input: TransparencyInput): Promise<Buffer> => {
  const sign = buildTransparencyTexts(input).sign;
  let pdf = await renderPdf(sign, { baseSize: 14, pageFurniture: false, margin: 48 });
  for (let size = 13; size >= 8 && pdfPageCount(pdf) > 1; size -= 1)
    pdf = await renderPdf(sign, { baseSize: size, pageFurniture: false, margin: 48 });
  return pdf;
};

/** The sign as an HTML document, for a preview in the web UI before printing the PDF. */
export const renderSignHtml = (input: TransparencyInput): string =>
  renderHtml(buildTransparencyTexts(input).sign);
