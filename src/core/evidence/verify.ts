/**
 * Verification of an evidence package (issue 10 §4): given what was found in the folder or ZIP
 * (every file's hash, the manifest and signature texts, the public key's fingerprint and whether
 * the signature holds), every problem at once — a bad signature, a changed manifest, a file whose
 * hash does not match, a missing file, an added file, a key that is not the organisation's. Pure:
 * the adapter reads the files, hashes them and checks the Ed25519 signature.
 */
import { t, type Text } from '../assessment/text.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
  type EvidenceManifest,
  type SignatureDocument,
} from './manifest.js';

export interface FoundFile {
  readonly sha256: string;
  readonly bytes: number;
}

export interface PackageFacts {
  /** Every file in the package by its name (a sub-folder's files as "dir/name"), manifest and signature included. */
  readonly files: ReadonlyMap<string, FoundFile>;
  readonly manifestText: string | undefined;
  readonly signatureText: string | undefined;
  /** The package's export-public-key.pem: its fingerprint, 'invalid' when it is not an Ed25519 public key, undefined when absent. */
  readonly packageKey: { readonly fingerprint: string } | 'invalid' | undefined;
  /** Whether the signature holds over manifest.json's bytes with the package's key; undefined: not checkable. */
  readonly signatureValid: boolean | undefined;
  /** The organisation's key fingerprint, when the reader gave one (--key or --fingerprint). */
  readonly expectedFingerprint?: string | undefined;
}

export type VerifyProblem =
  | { readonly kind: 'missing'; readonly file: string }
  | { readonly kind: 'extra'; readonly file: string }
  | {
      readonly kind: 'hash-mismatch';
      readonly file: string;
      readonly expected: string;
      readonly actual: string;
    }
  | { readonly kind: 'unreadable'; readonly file: string; readonly reason: string }
  | { readonly kind: 'bad-signature'; readonly file: typeof SIGNATURE_FILE }
  | { readonly kind: 'manifest-changed'; readonly file: typeof MANIFEST_FILE }
  | { readonly kind: 'key-mismatch'; readonly file: string }
  | {
      readonly kind: 'untrusted-key';
      readonly file: typeof PUBLIC_KEY_FILE;
      readonly expected: string;
      readonly actual: string;
    };

export type Verification =
  | {
      readonly ok: true;
      readonly manifest: EvidenceManifest;
      readonly fingerprint: string;
      readonly trusted: boolean;
    }
  | { readonly ok: false; readonly problems: readonly VerifyProblem[] };

const HEX64 = /^[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A name inside the package: no absolute path, no "..", no backslash. */
export const safeName = (p: string): boolean =>
  p.length > 0 &&
  p.length <= 255 &&
  !p.startsWith('/') &&
  !p.includes('\\') &&
  p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The manifest's fields verification relies on; the rest is carried as signed. */
export const parseManifest = (
  text: string,
): { ok: true; value: EvidenceManifest } | { ok: false; reason: string } => {
  const m = parseJson(text);
  if (!isObject(m)) return { ok: false, reason: 'not a JSON object' };
  if (m.format !== MANIFEST_FORMAT) return { ok: false, reason: `format is not ${MANIFEST_FORMAT}` };
  if (typeof m.exportId !== 'string') return { ok: false, reason: 'no exportId' };
  if (!Array.isArray(m.files)) return { ok: false, reason: 'no list of files' };
  for (const f of m.files as unknown[]) {
    if (
      !isObject(f) ||
      typeof f.path !== 'string' ||
      !safeName(f.path) ||
      typeof f.sha256 !== 'string' ||
      !HEX64.test(f.sha256) ||
      !Number.isSafeInteger(f.bytes)
    )
      return { ok: false, reason: 'a file entry is not {path, sha256, bytes}' };
  }
  if (!isObject(m.signing) || typeof m.signing.publicKeyFingerprint !== 'string')
    return { ok: false, reason: 'no signing.publicKeyFingerprint' };
  return { ok: true, value: m as unknown as EvidenceManifest };
};

export const parseSignatureDocument = (
  text: string,
): { ok: true; value: SignatureDocument } | { ok: false; reason: string } => {
  const s = parseJson(text);
  if (!isObject(s)) return { ok: false, reason: 'not a JSON object' };
  if (s.algorithm !== 'Ed25519') return { ok: false, reason: 'algorithm is not Ed25519' };
  if (s.signedFile !== MANIFEST_FILE) return { ok: false, reason: `does not sign ${MANIFEST_FILE}` };
  if (typeof s.signedFileSha256 !== 'string' || !HEX64.test(s.signedFileSha256))
    return { ok: false, reason: 'no signedFileSha256' };
  if (typeof s.publicKeyFingerprint !== 'string') return { ok: false, reason: 'no publicKeyFingerprint' };
  if (typeof s.signature !== 'string' || !/^[A-Za-z0-9+/]{85}[AQgw]==$/.test(s.signature))
    return { ok: false, reason: 'the signature is not 64 bytes of base64' };
  return { ok: true, value: s as unknown as SignatureDocument };
};

/** Every problem of the package, in a stable order (the signature first, then the files by name). */
export const verifyPackage = (f: PackageFacts): Verification => {
  const problems: VerifyProblem[] = [];
  const manifestFound = f.files.get(MANIFEST_FILE);
  const sigFound = f.files.get(SIGNATURE_FILE);
  if (manifestFound === undefined || f.manifestText === undefined)
    problems.push({ kind: 'missing', file: MANIFEST_FILE });
  if (sigFound === undefined || f.signatureText === undefined)
    problems.push({ kind: 'missing', file: SIGNATURE_FILE });

  const manifest = f.manifestText === undefined ? undefined : parseManifest(f.manifestText);
  if (manifest && !manifest.ok)
    problems.push({ kind: 'unreadable', file: MANIFEST_FILE, reason: manifest.reason });
  const sig = f.signatureText === undefined ? undefined : parseSignatureDocument(f.signatureText);
  if (sig && !sig.ok) problems.push({ kind: 'unreadable', file: SIGNATURE_FILE, reason: sig.reason });

  const manifestChanged =
    sig?.ok === true && manifestFound !== undefined && manifestFound.sha256 !== sig.value.signedFileSha256;
  if (manifestChanged) problems.push({ kind: 'manifest-changed', file: MANIFEST_FILE });

  // The key: the package's own, against what the manifest and the signature say, and the reader's.
  const keyFp =
    f.packageKey === undefined || f.packageKey === 'invalid' ? undefined : f.packageKey.fingerprint;
  if (f.packageKey === 'invalid')
    problems.push({ kind: 'unreadable', file: PUBLIC_KEY_FILE, reason: 'not an Ed25519 public key (PEM)' });
  if (keyFp !== undefined) {
    const inManifest = manifest?.ok === true ? manifest.value.signing.publicKeyFingerprint : undefined;
    const inSig = sig?.ok === true ? sig.value.publicKeyFingerprint : undefined;
    if (inManifest !== undefined && inManifest !== keyFp && inSig !== undefined && inSig !== keyFp)
      problems.push({ kind: 'key-mismatch', file: PUBLIC_KEY_FILE });
    else if (inSig !== undefined && inSig !== keyFp)
      problems.push({ kind: 'key-mismatch', file: SIGNATURE_FILE });
    else if (inManifest !== undefined && inManifest !== keyFp && !manifestChanged)
      problems.push({ kind: 'key-mismatch', file: MANIFEST_FILE });
    if (f.expectedFingerprint !== undefined && f.expectedFingerprint !== keyFp)
      problems.push({
        kind: 'untrusted-key',
        file: PUBLIC_KEY_FILE,
        expected: f.expectedFingerprint,
        actual: keyFp,
      });
  }
  if (f.signatureValid === false && !manifestChanged)
    problems.push({ kind: 'bad-signature', file: SIGNATURE_FILE });

  // The files: each listed one present with its hash; nothing else beside manifest and signature.
  if (manifest?.ok === true) {
    const listed = new Set<string>([MANIFEST_FILE, SIGNATURE_FILE]);
    for (const entry of manifest.value.files) {
      listed.add(entry.path);
      const found = f.files.get(entry.path);
      if (found === undefined) problems.push({ kind: 'missing', file: entry.path });
      else if (found.sha256 !== entry.sha256 || found.bytes !== entry.bytes)
        problems.push({
          kind: 'hash-mismatch',
          file: entry.path,
          expected: entry.sha256,
          actual: found.sha256,
        });
    }
    if (!listed.has(PUBLIC_KEY_FILE) && !f.files.has(PUBLIC_KEY_FILE))
      problems.push({ kind: 'missing', file: PUBLIC_KEY_FILE });
    for (const name of [...f.files.keys()].sort())
      if (!listed.has(name)) problems.push({ kind: 'extra', file: name });
  } else if (!f.files.has(PUBLIC_KEY_FILE)) problems.push({ kind: 'missing', file: PUBLIC_KEY_FILE });

  if (problems.length > 0) return { ok: false, problems };
  if (manifest?.ok !== true || keyFp === undefined || f.signatureValid !== true)
    // Unreachable with consistent facts; never call a package good without a checked signature.
    return { ok: false, problems: [{ kind: 'bad-signature', file: SIGNATURE_FILE }] };
  return {
    ok: true,
    manifest: manifest.value,
    fingerprint: keyFp,
    trusted: f.expectedFingerprint !== undefined,
  };
};

/** One problem in words, Dutch first. */
export const describeProblem = (p: VerifyProblem): Text => {
  switch (p.kind) {
    case 'missing':
      return t(`${p.file}: ontbreekt in het pakket`, `${p.file}: missing from the package`);
    case 'extra':
      return t(
        `${p.file}: staat niet in het manifest (toegevoegd bestand)`,
        `${p.file}: not in the manifest (an added file)`,
      );
    case 'hash-mismatch':
      return t(
        `${p.file}: SHA-256 klopt niet (verwacht ${p.expected}, gevonden ${p.actual}); het bestand is gewijzigd`,
        `${p.file}: SHA-256 does not match (expected ${p.expected}, found ${p.actual}); the file was changed`,
      );
    case 'unreadable':
      return t(`${p.file}: onleesbaar (${p.reason})`, `${p.file}: unreadable (${p.reason})`);
    case 'bad-signature':
      return t(
        `${p.file}: de handtekening over ${MANIFEST_FILE} klopt niet met de sleutel in het pakket`,
        `${p.file}: the signature over ${MANIFEST_FILE} does not hold with the key in the package`,
      );
    case 'manifest-changed':
      return t(
        `${p.file}: gewijzigd na ondertekening (de handtekening geldt niet meer)`,
        `${p.file}: changed after signing (the signature no longer holds)`,
      );
    case 'key-mismatch':
      return t(
        `${p.file}: de vingerafdruk van de sleutel komt niet overeen met ${PUBLIC_KEY_FILE}`,
        `${p.file}: the key fingerprint does not match ${PUBLIC_KEY_FILE}`,
      );
    case 'untrusted-key':
      return t(
        `${p.file}: niet de exportsleutel van de organisatie (verwacht ${p.expected}, gevonden ${p.actual})`,
        `${p.file}: not the organisation's export key (expected ${p.expected}, found ${p.actual})`,
      );
  }
};
