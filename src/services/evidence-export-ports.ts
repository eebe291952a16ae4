/**
 * What the evidence export (services/evidence.service.ts) needs beside the EvidenceSource
 * (evidence-ports.ts): the organisation's Ed25519 export key, and the packaging (cover sheet,
 * ZIP, optional age encryption to the recipient). Adapters: src/adapters/evidence/.
 */
import type { EvidenceManifest } from '../core/evidence/manifest.js';
import type { Result } from '../core/result.js';

export interface PackageFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
}

/** To whom the package is encrypted: nobody (a plain ZIP), an age public key, or a passphrase. */
export type ExportRecipient =
  | { readonly kind: 'none' }
  | { readonly kind: 'age'; readonly recipient: string }
  | { readonly kind: 'passphrase'; readonly passphrase: string };

export interface ExportKey {
  /** The public key as PEM (SPKI) and its fingerprint (SHA-256 of the DER, hex); creates the key on first use. */
  publicKey(): { readonly pem: string; readonly fingerprint: string };
  /** Ed25519 signature (64 bytes) over the bytes. */
  sign(bytes: Buffer): Buffer;
}

export interface EvidencePackaging {
  /** The human-readable cover sheet (PDF, Dutch then English) of a manifest. */
  coverPdf(manifest: EvidenceManifest): Promise<Buffer>;
  /** The files as one ZIP, every entry dated `mtime` (the same files, the same bytes). */
  zip(files: readonly PackageFile[], mtime: Date): Buffer;
  /** Checks the recipient before anything is read; null for a plain ZIP, else the age encryption. */
  sealer(
    recipient: ExportRecipient,
  ): Result<((zip: Buffer) => Promise<Buffer>) | null, 'EVIDENCE.RECIPIENT_INVALID'>;
}
