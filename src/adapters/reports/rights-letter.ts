/**
 * Letters to a resident about their request (issue 12 §1, docs/rights.md): the decision
 * (granted, partly granted, refused) and the extension notice, in Dutch and English, as a
 * RenderDocument rendered to a tagged PDF (pdf-document.ts) and to plain text.
 *
 * The remedies paragraph: a complaint to the Autoriteit Persoonsgegevens (art. 77 AVG) and the
 * court (art. 79 AVG). A municipality's written decision on a request under art. 15–22 AVG counts
 * as a besluit under the Awb (art. 34 Uitvoeringswet AVG): objection (bezwaar) to the
 * municipality within six weeks (art. 6:7 Awb), then appeal to the administrative court
 * (bestuursrechter) of the rechtbank.
 */
import type { Lang } from '../../core/assessment/text.js';
import type { SubjectRequest } from '../../core/rights/request.js';
import { requestDeadlines } from '../../core/rights/deadlines.js';
import { plain, type Block, type RenderDocument } from './document.js';
import { renderPdf } from './pdf-document.js';

export type LetterKind = 'decision' | 'extension';

export interface LetterInput {
  readonly request: SubjectRequest & { readonly deadline: { readonly dueOn: string } };
  readonly organisation: { readonly name: string; readonly address: string; readonly dpoEmail: string };
  /** What was done to the linked clips. */
  readonly clips: readonly {
    readonly outcome: string | null;
    readonly policeReport: string | null;
  }[];
  /** The redacted copies that go with a decision on access: named by file, moment and digest. */
  readonly copies?: readonly {
    readonly file: string;
    readonly sha256: string;
    readonly clipStartedAt: string | null;
    readonly clipEndedAt: string | null;
  }[];
  /** The day of the letter (YYYY-MM-DD, Europe/Amsterdam). */
  readonly date: string;
}

const ARTICLE = { access: 15, erasure: 17, restriction: 18, objection: 21 } as const;
const KIND = {
  nl: {
    access: 'inzage',
    erasure: 'wissing',
    restriction: 'beperking van de verwerking',
    objection: 'bezwaar tegen de verwerking',
  },
  en: {
    access: 'access',
    erasure: 'erasure',
    restriction: 'restriction of processing',
    objection: 'objection to processing',
  },
} as const;

const dayText = (day: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

/** "1 opname", "2 opnamen" (Intl plural rules, not "opname(n)"). */
const recordings = (n: number, lang: Lang): string => {
  const one = new Intl.PluralRules(lang === 'nl' ? 'nl-NL' : 'en-GB').select(n) === 'one';
  return lang === 'nl' ? `${n} ${one ? 'opname' : 'opnamen'}` : `${n} ${one ? 'recording' : 'recordings'}`;
};

const p = (content: string, lang: Lang): Block => ({ kind: 'paragraph', content, lang });

/** "2 november 2026, 09:30 tot 09:33" — the recording's time in Dutch time, as the resident knows it. */
const spanText = (from: string | null, to: string | null, lang: Lang): string => {
  if (from === null) return lang === 'nl' ? 'tijd onbekend' : 'time unknown';
  const f = (iso: string, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...o, timeZone: 'Europe/Amsterdam' }).format(
      new Date(iso),
    );
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const day = f(from, { day: 'numeric', month: 'long', year: 'numeric' });
  return to === null
    ? `${day}, ${f(from, time)}`
    : `${day}, ${f(from, time)} ${lang === 'nl' ? 'tot' : 'to'} ${f(to, time)}`;
};

/** The copies that go with the letter (art. 15(3)): which file, of when, and its digest to check it. */
const copyBlocks = (i: LetterInput, lang: Lang): Block[] => {
  const copies = i.copies ?? [];
  if (i.request.kind !== 'access' || i.request.decision === 'refused' || copies.length === 0) return [];
  const nl = lang === 'nl';
  return [
    { kind: 'heading', level: 2, text: nl ? 'Uw kopie van de beelden' : 'Your copy of the footage', lang },
    p(
      nl
        ? 'Bij deze brief ontvangt u een kopie van de camerabeelden waarop u staat (artikel 15, derde lid, AVG). Andere mensen op de beelden hebben wij onherkenbaar gemaakt; geluid zit er niet bij. Met het controlegetal (SHA-256) kunt u nagaan dat het bestand niet is veranderd.'
        : 'With this letter you receive a copy of the camera footage you appear in (Article 15(3) GDPR). We made other people in the footage unrecognisable; there is no sound. With the checksum (SHA-256) you can check that the file was not changed.',
      lang,
    ),
    {
      kind: 'list',
      lang,
      items: copies.map((c) =>
        nl
          ? `${c.file}: opname van ${spanText(c.clipStartedAt, c.clipEndedAt, lang)}; controlegetal ${c.sha256}`
          : `${c.file}: recording of ${spanText(c.clipStartedAt, c.clipEndedAt, lang)}; checksum ${c.sha256}`,
      ),
    },
    p(
      nl
        ? 'Wij bewaren deze kopie hooguit zeven dagen nadat zij is gemaakt, en korter als uw verzoek wordt afgesloten.'
        : 'We keep this copy for at most seven days after it was made, and less when your request is closed.',
      lang,
    ),
  ];
};

/** The paragraph on complaint and court, the same in every decision letter. */
export const remediesParagraphs = (org: string, lang: Lang): Block[] =>
  lang === 'nl'
    ? [
        { kind: 'heading', level: 2, text: 'Bent u het niet eens met dit besluit?', lang },
        p(
          `Dit besluit op uw verzoek is een besluit in de zin van de Algemene wet bestuursrecht (artikel 34 Uitvoeringswet AVG). U kunt binnen zes weken na de dag waarop deze brief is verzonden bezwaar maken bij ${org} (artikel 6:7 Algemene wet bestuursrecht). Na de beslissing op uw bezwaar kunt u in beroep gaan bij de bestuursrechter van de rechtbank (artikel 79 AVG).`,
          lang,
        ),
        p(
          'U hebt ook het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG), via www.autoriteitpersoonsgegevens.nl of Postbus 93374, 2509 AJ Den Haag.',
          lang,
        ),
      ]
    : [
        { kind: 'heading', level: 2, text: 'If you disagree with this decision', lang },
        p(
          `Under Dutch law this decision on your request is an administrative decision (besluit) within the meaning of the General Administrative Law Act (section 34 of the GDPR Implementation Act). You may lodge an objection (bezwaar) with ${org} within six weeks of the day this letter was sent (section 6:7 General Administrative Law Act). After the decision on your objection you may appeal to the administrative court of the district court (Article 79 GDPR).`,
          lang,
        ),
        p(
          'You also have the right to lodge a complaint with the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens (Article 77 GDPR), at www.autoriteitpersoonsgegevens.nl or Postbus 93374, 2509 AJ Den Haag, the Netherlands.',
          lang,
        ),
      ];

const decisionBlocks = (i: LetterInput, lang: Lang): Block[] => {
  const r = i.request;
  const nl = lang === 'nl';
  const kind = KIND[lang][r.kind];
  const art = ARTICLE[r.kind];
  const erased = i.clips.filter((c) => c.outcome === 'erased').length;
  const restricted = i.clips.filter((c) => c.outcome === 'restricted').length;
  const held = i.clips.filter((c) => c.outcome === 'refused-hold');
  const outcome =
    r.decision === 'granted'
      ? nl
        ? 'Wij willigen uw verzoek in.'
        : 'We grant your request.'
      : r.decision === 'partly'
        ? nl
          ? 'Wij willigen uw verzoek gedeeltelijk in.'
          : 'We grant your request in part.'
        : nl
          ? 'Wij wijzen uw verzoek af.'
          : 'We refuse your request.';
  const blocks: Block[] = [
    p(
      nl
        ? `Op ${dayText(r.receivedOn, lang)} ontvingen wij uw verzoek om ${kind} (artikel ${art} AVG) over camerabeelden van ${dayText(r.windowFrom.slice(0, 10), lang)}. Wij moesten daarop uiterlijk ${dayText(r.deadline.dueOn, lang)} beslissen.`
        : `On ${dayText(r.receivedOn, lang)} we received your request for ${kind} (Article ${art} GDPR) concerning camera footage of ${dayText(r.windowFrom.slice(0, 10), lang)}. The deadline for our decision was ${dayText(r.deadline.dueOn, lang)}.`,
      lang,
    ),
    { kind: 'heading', level: 2, text: nl ? 'Ons besluit' : 'Our decision', lang },
    p(outcome, lang),
  ];
  if (r.decisionReasons !== null) blocks.push(p(r.decisionReasons, lang));
  blocks.push(...copyBlocks(i, lang));
  if (erased > 0)
    blocks.push(
      p(
        nl
          ? `Gewist: ${recordings(erased, lang)}, onherstelbaar vernietigd.`
          : `Erased: ${recordings(erased, lang)}, destroyed beyond recovery.`,
        lang,
      ),
    );
  if (restricted > 0)
    blocks.push(
      p(
        nl
          ? `Beperkt: ${recordings(restricted, lang)}, bewaard maar niet bekeken of verstrekt (artikel 18 AVG).`
          : `Restricted: ${recordings(restricted, lang)}, kept but not viewed or disclosed (Article 18 GDPR).`,
        lang,
      ),
    );
  for (const h of held)
    blocks.push(
      p(
        nl
          ? `Eén opname wissen wij niet: zij wordt bewaard voor een aangifte bij de politie${h.policeReport ? ` (nummer ${h.policeReport})` : ''}. De AVG staat dat toe waar de gegevens nodig zijn voor de vaststelling, uitoefening of onderbouwing van een rechtsvordering (artikel 17, derde lid, onder e, AVG).`
          : `We do not erase one recording: it is kept for a report to the police${h.policeReport ? ` (number ${h.policeReport})` : ''}. The GDPR allows this where the data are needed for the establishment, exercise or defence of legal claims (Article 17(3)(e) GDPR).`,
        lang,
      ),
    );
  return [...blocks, ...remediesParagraphs(i.organisation.name, lang)];
};

const extensionBlocks = (i: LetterInput, lang: Lang): Block[] => {
  const r = i.request;
  const nl = lang === 'nl';
  const extended = requestDeadlines(r.receivedOn).extendedAnswerBy;
  return [
    p(
      nl
        ? `Op ${dayText(r.receivedOn, lang)} ontvingen wij uw verzoek om ${KIND.nl[r.kind]} (artikel ${ARTICLE[r.kind]} AVG). Wij verlengen de termijn om te beslissen met twee maanden, tot uiterlijk ${dayText(extended, lang)} (artikel 12, derde lid, AVG).`
        : `On ${dayText(r.receivedOn, lang)} we received your request for ${KIND.en[r.kind]} (Article ${ARTICLE[r.kind]} GDPR). We extend the period for our decision by two months, to ${dayText(extended, lang)} at the latest (Article 12(3) GDPR).`,
      lang,
    ),
    { kind: 'heading', level: 2, text: nl ? 'Waarom' : 'Why', lang },
    p(r.extensionReasons ?? '', lang),
    p(
      nl
        ? 'U hebt het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG), via www.autoriteitpersoonsgegevens.nl.'
        : 'You have the right to lodge a complaint with the Autoriteit Persoonsgegevens, the Dutch Data Protection Authority (Article 77 GDPR), at www.autoriteitpersoonsgegevens.nl.',
      lang,
    ),
  ];
};

export const rightsLetter = (kind: LetterKind, i: LetterInput, lang: Lang): RenderDocument => {
  const nl = lang === 'nl';
  const title =
    kind === 'extension'
      ? nl
        ? 'Verlenging van de termijn voor uw verzoek'
        : 'Extension of the period for your request'
      : nl
        ? `Besluit op uw verzoek om ${KIND.nl[i.request.kind]}`
        : `Decision on your request for ${KIND.en[i.request.kind]}`;
  const head: Block[] = [
    p(`${i.organisation.name}${i.organisation.address ? `, ${i.organisation.address}` : ''}`, lang),
    p(`${nl ? 'Datum' : 'Date'}: ${dayText(i.date, lang)}`, lang),
    p(
      `${nl ? 'Aan' : 'To'}: ${[i.request.requesterName, i.request.requesterContact].filter(Boolean).join(', ')}`,
      lang,
    ),
    p(`${nl ? 'Kenmerk' : 'Reference'}: ${i.request.id}`, lang),
  ];
  const body = kind === 'extension' ? extensionBlocks(i, lang) : decisionBlocks(i, lang);
  const foot = p(
    nl
      ? `Vragen? Neem contact op met de functionaris gegevensbescherming: ${i.organisation.dpoEmail}.`
      : `Questions? Contact the data protection officer: ${i.organisation.dpoEmail}.`,
    lang,
  );
  return { lang, title, author: i.organisation.name, blocks: [...head, ...body, foot] };
};

/** The letter as plain text (for e-mail): title, then each block as a paragraph. */
export const letterText = (d: RenderDocument): string =>
  [
    d.title,
    '',
    ...d.blocks.flatMap((b) =>
      b.kind === 'heading'
        ? [b.text, '']
        : b.kind === 'paragraph'
          ? [plain(b.content), '']
          : b.kind === 'list'
            ? [...b.items.map((x) => `- ${plain(x)}`), '']
            : [],
    ),
  ].join('\n');

export const letterPdf = (d: RenderDocument): Promise<Buffer> => renderPdf(d, { baseSize: 11 });
