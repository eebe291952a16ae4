/**
 * The cover sheet of an evidence package (cover.pdf): what the package is, the case, the chain
 * of custody, the hashes and how to verify — Dutch first, English below — rendered by the
 * reports' tagged-PDF machinery with embedded DejaVu.
 */
import type { EvidenceManifest, Moment } from '../../core/evidence/manifest.js';
import {
  amsterdamTime,
  CLIP_FILE,
  MANIFEST_FILE,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
} from '../../core/evidence/manifest.js';
import { facts, labelled, table, type Block, type RenderDocument } from '../reports/document.js';
import { renderPdf } from '../reports/pdf-document.js';

const STEP: Readonly<Record<string, string>> = {
  requested: 'aangevraagd / requested',
  approved: 'goedgekeurd / approved',
  granted: 'toegekend / granted',
  exported: 'geëxporteerd / exported',
};

const GROUND: Readonly<Record<string, string>> = {
  'own-investigation': 'eigen onderzoek / own investigation',
  'police-report': 'aangifte bij de politie / police report',
  'subject-access': 'inzageverzoek (AVG art. 15) / subject access request',
  complaint: 'klacht / complaint',
};

/** A hash in groups of 16, so a table cell can wrap it and a reader can compare it piece by piece. */
export const groupedHash = (hex: string): string => hex.match(/.{1,16}/g)?.join(' ') ?? hex;

const when = (m: Moment | null): string =>
  m === null ? 'onbekend / unknown' : `${m.amsterdam} (UTC ${m.utc})`;
const orNone = (xs: readonly string[]): string => (xs.length === 0 ? 'geen / none' : xs.join(', '));

export const coverDocument = (m: EvidenceManifest): RenderDocument => {
  const fp = m.signing.publicKeyFingerprint;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Bewijsexport camerabeelden' },
    {
      kind: 'paragraph',
      lang: 'en',
      muted: true,
      content: `Evidence export of camera footage · ${m.organisation} · export ${m.exportId}`,
    },
    {
      kind: 'paragraph',
      lang: 'nl',
      content:
        `Dit pakket bevat de originele camerabeelden van één opname (${CLIP_FILE}), zoals ze versleuteld in de kluis van ` +
        `${m.organisation} lagen, ontsleuteld onder een goedgekeurde inzage en ondertekend met de exportsleutel van de ` +
        `organisatie. Het manifest (${MANIFEST_FILE}) legt vast wat de beelden zijn, waarom ze er zijn en wie ze wanneer ` +
        `heeft aangevraagd, goedgekeurd en geëxporteerd. Dit voorblad is een leesbare samenvatting; het ondertekende manifest is leidend.`,
    },
    {
      kind: 'paragraph',
      lang: 'en',
      muted: true,
      content:
        `This package holds the original camera footage of one recording (${CLIP_FILE}) as it was sealed in the vault of ` +
        `${m.organisation}, decrypted under an approved viewing grant and signed with the organisation's export key. ` +
        `The signed manifest (${MANIFEST_FILE}) is authoritative; this sheet summarises it.`,
    },
    { kind: 'heading', level: 2, text: 'Zaak / Case' },
    facts(
      'De opname en de zaak / The recording and the case',
      ['Gegeven / Item', 'Waarde / Value'],
      [
        ['Export-id / Export id', m.exportId],
        ['Geëxporteerd op / Exported at', when(m.exportedAt)],
        ['Organisatie / Organisation', m.organisation],
        ['Locatie / Site', `${m.site.name} (${m.site.id})`],
        ['Ruimte / Room', `${m.room.name} (${m.room.id})`],
        ['Camera / Camera', `${m.camera.name} (${m.camera.id})`],
        ['Begin / Start', when(m.timeRange.start)],
        ['Einde / End', when(m.timeRange.end)],
        ['Opname-id / Clip id', m.clip.id],
        ['Incidenten / Incidents', orNone(m.incidentIds)],
        ['Alarmen / Alarms', orNone(m.alarmIds)],
        ['Reden / Reason', m.case.reason],
        ['Grondslag / Legal ground', GROUND[m.case.legalGround] ?? m.case.legalGround],
        ['Aangifte / Police report', m.case.policeReport ?? 'geen / none'],
        ['Aanvraag-id / Request id', m.case.requestId],
        ['Inzage-id / Grant id', m.case.grantId],
      ],
    ),
    { kind: 'heading', level: 2, text: 'Waarom er werd opgenomen / Why it was recorded' },
    facts(
      'Het beleid dat de opname toestond / The policy that permitted the recording',
      ['Gegeven / Item', 'Waarde / Value'],
      [
        [
          'Beleidsversie / Policy version',
          m.permittedBy.policySeq === null ? 'onbekend / unknown' : String(m.permittedBy.policySeq),
        ],
        [
          'Beleid-hash / Policy hash',
          m.permittedBy.policyHash === null ? 'onbekend / unknown' : groupedHash(m.permittedBy.policyHash),
        ],
        ['Afwegingen (DPIA) / Assessments', orNone(m.permittedBy.assessmentIds)],
        [
          'Kluismanifest / Vault manifest',
          m.clip.vaultManifestDigest === null
            ? 'onbekend / unknown'
            : groupedHash(m.clip.vaultManifestDigest),
        ],
      ],
    ),
    { kind: 'heading', level: 2, text: 'Bewaarketen / Chain of custody' },
    table(
      'Wie deed wat, wanneer / Who did what, when',
      [
        ['Stap / Step', 1.3],
        ['Door / By', 1.3],
        ['Wanneer (Amsterdam) / When', 1.6],
      ],
      m.custody.map((c) => [STEP[c.step] ?? c.step, `${c.by} (${c.byId})`, amsterdamTime(c.at)]),
    ),
    { kind: 'heading', level: 2, text: 'Bestanden / Files' },
    table(
      'SHA-256 van elk bestand / SHA-256 of every file',
      [
        ['Bestand / File', 1],
        ['Bytes', 0.7],
        ['SHA-256', 2.4],
      ],
      m.files.map((f) => [f.path, String(f.bytes), groupedHash(f.sha256)]),
      'small',
    ),
    { kind: 'heading', level: 2, text: 'Zo controleert u het pakket / How to verify' },
    {
      kind: 'list',
      lang: 'nl',
      items: [
        labelled(
          'Sleutel',
          `vergelijk de vingerafdruk van ${PUBLIC_KEY_FILE} met die op de transparantiepagina van ${m.organisation}: ${groupedHash(fp)}.`,
        ),
        labelled(
          'Met Proportio',
          `proportio export verify <map of .zip> --fingerprint ${fp} (werkt offline; meldt elk probleem).`,
        ),
        labelled(
          'Zonder Proportio',
          `${SIGNATURE_FILE} bevat een Ed25519-handtekening (base64) over de bytes van ${MANIFEST_FILE}; controleer die met ` +
            `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_FILE} -rawin -in ${MANIFEST_FILE} -sigfile <handtekening>. ` +
            `Vergelijk daarna de SHA-256 van elk bestand (sha256sum) met ${MANIFEST_FILE}. Er hoort geen ander bestand in het pakket.`,
        ),
      ],
    },
    {
      kind: 'list',
      lang: 'en',
      size: 'small',
      items: [
        `Key: compare the fingerprint of ${PUBLIC_KEY_FILE} with the one on the transparency page of ${m.organisation}.`,
        `With Proportio: proportio export verify <folder or .zip> --fingerprint <fingerprint> (offline; names every problem).`,
        `Without Proportio: check the Ed25519 signature in ${SIGNATURE_FILE} over the bytes of ${MANIFEST_FILE} with ${PUBLIC_KEY_FILE} (openssl pkeyutl -verify -rawin), then every file's SHA-256 against the manifest.`,
      ],
    },
    {
      kind: 'callout',
      tone: 'caution',
      lang: 'nl',
      lines: [
        'Wat de handtekening bewijst: dat dit pakket zo door de organisatie is uitgegeven en sindsdien niet is gewijzigd. ' +
          'Niet: wat er vóór het verzegelen in de kluis met de beelden gebeurde; daarvoor staan het kluismanifest en de auditketen van de organisatie.',
        'What the signature proves: the organisation issued this package as it is and nothing changed since. Not what happened before sealing.',
      ],
    },
  ];
  return {
    lang: 'nl',
    title: 'Bewijsexport camerabeelden',
    subtitle: `Evidence export of camera footage · ${m.exportId}`,
    author: m.organisation,
    blocks,
  };
};

export const renderCoverPdf = (m: EvidenceManifest): Promise<Buffer> => renderPdf(coverDocument(m));
