/**
 * The evidence package's containers: a ZIP (fflate; stored for the clip, deflated for the text
 * files, every entry dated at the export) and, optionally, that ZIP encrypted to the recipient
 * with the vault's own age writer — an X25519 recipient (age1…) or a passphrase (age scrypt) —
 * so `age -d` opens it.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { err, ok } from '../../core/result.js';
import type { EvidencePackaging, PackageFile } from '../../services/evidence-export-ports.js';
import { encryptBytes } from '../vault/age-format.js';
import { encryptWithPassphrase } from '../vault/age-scrypt.js';
import { parseRecipient } from '../vault/keys.js';
import { renderCoverPdf } from './cover.js';

/** Shorter passphrases are refused: the package leaves the building. */
export const MIN_EXPORT_PASSPHRASE = 12;

export const zipFiles = (files: readonly PackageFile[], mtime: Date): Buffer => {
  const entries: Zippable = {};
  for (const f of files) entries[f.path] = [f.bytes, { level: f.mediaType === 'video/mp4' ? 0 : 6, mtime }];
  return Buffer.from(zipSync(entries));
};

/** The files of a ZIP by name (directories left out); undefined when it is not a readable ZIP. */
export const unzipFiles = (zip: Uint8Array): Map<string, Buffer> | undefined => {
  try {
    const out = new Map<string, Buffer>();
    for (const [name, bytes] of Object.entries(unzipSync(zip)))
      if (!name.endsWith('/')) out.set(name, Buffer.from(bytes));
    return out;
  } catch {
    return undefined;
  }
};

export const evidencePackaging = (
  options: { readonly scryptWorkFactor?: number } = {},
): EvidencePackaging => ({
  coverPdf: renderCoverPdf,
  zip: zipFiles,
  sealer: (r) => {
    if (r.kind === 'none') return ok(null);
    if (r.kind === 'age') {
      const recipient = parseRecipient(r.recipient.trim());
      if (!recipient.ok)
        return err('EVIDENCE.RECIPIENT_INVALID', 'The recipient is not an age public key (age1…)');
      return ok((zip: Buffer) => Promise.resolve(encryptBytes([recipient.value], zip)));
    }
    if ([...r.passphrase].length < MIN_EXPORT_PASSPHRASE)
      return err(
        'EVIDENCE.RECIPIENT_INVALID',
        `The passphrase must have at least ${MIN_EXPORT_PASSPHRASE} characters`,
      );
    const passphrase = r.passphrase;
    return ok((zip: Buffer) =>
      encryptWithPassphrase(
        passphrase,
        zip,
        options.scryptWorkFactor === undefined ? {} : { workFactor: options.scryptWorkFactor },
      ),
    );
  },
});
