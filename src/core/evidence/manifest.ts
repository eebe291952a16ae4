/**
 * The manifest of an evidence export (issue 10 §4, ADR 0005): what the package holds (SHA-256 of
 * every file), what the footage is (camera, room, site, time range in UTC and Europe/Amsterdam,
 * alarms and incidents), why it exists (the policy version and assessments that permitted the
 * recording) and how it left the vault (the chain of custody). Pure: the caller passes the clock's
 * time, the ids and the file hashes.
 *
 * manifest.json is the manifest as sorted-key JSON (the audit chain's canonical JSON, indented so
 * a person can read it); the signature covers exactly those bytes.
 */
import { canonicalJson } from '../audit/chain.js';
import { localIsoWithOffset } from '../policy/local-date.js';

export const MANIFEST_FORMAT = 'proportio-evidence-export/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'signature.json';
export const PUBLIC_KEY_FILE = 'export-public-key.pem';
export const CLIP_FILE = 'clip.mp4';
export const COVER_FILE = 'cover.pdf';
export const README_FILE = 'LEESMIJ.txt';
export const EXPORT_TIME_ZONE = 'Europe/Amsterdam';

export interface ManifestFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly mediaType: string;
}

export interface CustodyEntry {
  readonly step: 'requested' | 'approved' | 'granted' | 'exported';
  readonly byId: string;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface Moment {
  readonly utc: string;
  /** The same instant as local time with its offset, e.g. 2026-03-29T03:00:00+02:00. */
  readonly amsterdam: string;
}

export interface EvidenceManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly exportId: string;
  readonly exportedAt: Moment;
  readonly organisation: string;
  readonly clip: {
    readonly id: string;
    readonly mode: string;
    readonly codec: string | null;
    readonly width: number | null;
    readonly height: number | null;
    readonly durationSeconds: number | null;
    readonly sealedAt: string | null;
    /** SHA-256 of the clip's manifest in the vault, as recorded in the database at sealing. */
    readonly vaultManifestDigest: string | null;
  };
  readonly camera: Named;
  readonly room: Named;
  readonly site: Named;
  readonly timeRange: {
    readonly timeZone: string;
    readonly start: Moment | null;
    readonly end: Moment | null;
  };
  readonly alarmIds: readonly string[];
  readonly incidentIds: readonly string[];
  /** What permitted the recording: the compiled room policy and the approved assessments. */
  readonly permittedBy: {
    readonly policySeq: number | null;
    readonly policyHash: string | null;
    readonly policyCompiledAt: string | null;
    readonly assessmentIds: readonly string[];
  };
  readonly case: {
    readonly requestId: string;
    readonly grantId: string;
    readonly reason: string;
    readonly legalGround: string;
    readonly policeReport: string | null;
  };
  readonly custody: readonly CustodyEntry[];
  readonly files: readonly ManifestFile[];
  readonly signing: {
    readonly algorithm: 'Ed25519';
    readonly publicKeyFile: typeof PUBLIC_KEY_FILE;
    readonly signatureFile: typeof SIGNATURE_FILE;
    /** SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo. */
    readonly publicKeyFingerprint: string;
  };
  readonly verification: { readonly nl: string; readonly en: string };
}

/** An instant as Europe/Amsterdam local time with its UTC offset (ISO 8601). Pure: Intl only. */
export const amsterdamTime = (iso: string): string => localIsoWithOffset(iso, EXPORT_TIME_ZONE);

export const momentOf = (iso: string): Moment => ({
  utc: new Date(iso).toISOString(),
  amsterdam: amsterdamTime(iso),
});

/** How to check the package, in the manifest itself (the cover sheet and LEESMIJ.txt say more). */
export const verificationText = (fingerprint: string): { nl: string; en: string } => ({
  nl:
    `Controleer met "proportio export verify <map of zip> --fingerprint ${fingerprint}", of zonder Proportio: ` +
    `${SIGNATURE_FILE} bevat een Ed25519-handtekening (base64) over de bytes van ${MANIFEST_FILE}, te controleren met ` +
    `${PUBLIC_KEY_FILE} (vingerafdruk = SHA-256 van de DER-sleutel, gepubliceerd op de transparantiepagina van de organisatie); ` +
    `daarna de SHA-256 van elk bestand in "files" vergelijken (sha256sum). Geen ander bestand hoort in het pakket.`,
  en:
    `Check with "proportio export verify <folder or zip> --fingerprint ${fingerprint}", or without Proportio: ` +
    `${SIGNATURE_FILE} holds an Ed25519 signature (base64) over the bytes of ${MANIFEST_FILE}, checked with ` +
    `${PUBLIC_KEY_FILE} (fingerprint = SHA-256 of the DER key, published on the organisation's transparency page); ` +
    `then compare the SHA-256 of every file under "files" (sha256sum). No other file belongs in the package.`,
});

export interface ManifestInput {
  readonly exportId: string;
  readonly exportedAt: string;
  readonly organisation: string;
  /** The clip as recorded (ClipRecord has these fields): what it is, when, and what permitted it. */
  readonly clip: Omit<EvidenceManifest['clip'], 'vaultManifestDigest'> &
    EvidenceManifest['permittedBy'] & {
      readonly manifestDigest: string | null;
      readonly startedAt: string | null;
      readonly endedAt: string | null;
      readonly alarmIds: readonly string[];
      readonly incidentIds: readonly string[];
    };
  readonly camera: Named;
  readonly room: Named;
  readonly site: Named;
  readonly case: EvidenceManifest['case'];
  readonly custody: readonly CustodyEntry[];
  readonly files: readonly ManifestFile[];
  readonly publicKeyFingerprint: string;
}

const sortedUnique = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

export const buildManifest = (i: ManifestInput): EvidenceManifest => ({
  format: MANIFEST_FORMAT,
  exportId: i.exportId,
  exportedAt: momentOf(i.exportedAt),
  organisation: i.organisation,
  clip: {
    id: i.clip.id,
    mode: i.clip.mode,
    codec: i.clip.codec,
    width: i.clip.width,
    height: i.clip.height,
    durationSeconds: i.clip.durationSeconds,
    sealedAt: i.clip.sealedAt,
    vaultManifestDigest: i.clip.manifestDigest,
  },
  camera: i.camera,
  room: i.room,
  site: i.site,
  timeRange: {
    timeZone: EXPORT_TIME_ZONE,
    start: i.clip.startedAt === null ? null : momentOf(i.clip.startedAt),
    end: i.clip.endedAt === null ? null : momentOf(i.clip.endedAt),
  },
  alarmIds: sortedUnique(i.clip.alarmIds),
  incidentIds: sortedUnique(i.clip.incidentIds),
  permittedBy: {
    policySeq: i.clip.policySeq,
    policyHash: i.clip.policyHash,
    policyCompiledAt: i.clip.policyCompiledAt,
    assessmentIds: sortedUnique(i.clip.assessmentIds),
  },
  case: i.case,
  custody: [...i.custody].sort((a, b) => a.at.localeCompare(b.at)),
  files: [...i.files].sort((a, b) => a.path.localeCompare(b.path)),
  signing: {
    algorithm: 'Ed25519',
    publicKeyFile: PUBLIC_KEY_FILE,
    signatureFile: SIGNATURE_FILE,
    publicKeyFingerprint: i.publicKeyFingerprint,
  },
  verification: verificationText(i.publicKeyFingerprint),
});

/**
 * manifest.json's bytes: canonical JSON (sorted keys, core/audit/chain.ts), indented by two
 * spaces for readers, UTF-8, one trailing newline. Deterministic: the same manifest, the same bytes.
 */
export const manifestBytes = (m: EvidenceManifest): Buffer =>
  Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(m)), null, 2)}\n`, 'utf8');

/** signature.json: the detached signature over manifest.json's bytes. */
export interface SignatureDocument {
  readonly format: typeof MANIFEST_FORMAT;
  readonly algorithm: 'Ed25519';
  readonly signedFile: typeof MANIFEST_FILE;
  /** SHA-256 of manifest.json's bytes, so a changed manifest is named as such. */
  readonly signedFileSha256: string;
  readonly publicKeyFingerprint: string;
  /** The 64-byte Ed25519 signature, base64. */
  readonly signature: string;
}

export const signatureBytes = (s: SignatureDocument): Buffer =>
  Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(s)), null, 2)}\n`, 'utf8');
