/**
 * Reads an evidence package — a folder or a ZIP — for `proportio export verify`: offline, with no
 * database and no server. Hashes every file, checks the Ed25519 signature over manifest.json with
 * the key in the package, and hands the facts to core/evidence/verify.ts, which names every problem.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from '../../core/evidence/manifest.js';
import {
  parseSignatureDocument,
  verifyPackage,
  type FoundFile,
  type Verification,
} from '../../core/evidence/verify.js';
import { err, ok, type Result } from '../../core/result.js';
import { fingerprintOf, readEd25519PublicKey, verifySignature } from './export-key.js';
import { unzipFiles } from './package.js';

const AGE_MAGIC = 'age-encryption.org/v1';

const walk = async (root: string, dir = ''): Promise<Map<string, Buffer>> => {
  const out = new Map<string, Buffer>();
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const name = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of await walk(root, name)) out.set(k, v);
    else out.set(name, await fs.readFile(path.join(root, name)));
  }
  return out;
};

/** Every file of the package by name, from a folder or a ZIP. */
export const readPackageFiles = async (
  where: string,
): Promise<Result<Map<string, Buffer>, 'EVIDENCE.NOT_A_PACKAGE'>> => {
  let stat;
  try {
    stat = await fs.stat(where);
  } catch {
    return err('EVIDENCE.NOT_A_PACKAGE', `${where} does not exist`);
  }
  if (stat.isDirectory()) return ok(await walk(where));
  const bytes = await fs.readFile(where);
  if (bytes.subarray(0, AGE_MAGIC.length).toString('latin1') === AGE_MAGIC)
    return err(
      'EVIDENCE.NOT_A_PACKAGE',
      `${where} is age-encrypted: decrypt it first (age -d -o package.zip ${path.basename(where)}), then verify the ZIP`,
    );
  const files = unzipFiles(bytes);
  if (files === undefined) return err('EVIDENCE.NOT_A_PACKAGE', `${where} is neither a folder nor a ZIP`);
  return ok(files);
};

export interface TrustedKey {
  /** The organisation's public key (PEM) or its fingerprint (hex SHA-256 of the DER). */
  readonly pem?: string;
  readonly fingerprint?: string;
}

/** The fingerprint the reader trusts, from --key or --fingerprint; an error when neither reads. */
export const trustedFingerprint = (
  trusted: TrustedKey,
): Result<string | undefined, 'EVIDENCE.KEY_INVALID'> => {
  if (trusted.pem !== undefined) {
    const key = readEd25519PublicKey(trusted.pem);
    if (key === undefined) return err('EVIDENCE.KEY_INVALID', '--key is not an Ed25519 public key (PEM)');
    return ok(fingerprintOf(key));
  }
  if (trusted.fingerprint !== undefined) {
    const fp = trusted.fingerprint.replace(/[\s:]/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fp))
      return err('EVIDENCE.KEY_INVALID', '--fingerprint must be 64 hexadecimal characters (SHA-256)');
    return ok(fp);
  }
  return ok(undefined);
};

/** Verifies the files of a package against its signed manifest (and the trusted key, if given). */
export const verifyFiles = (
  files: ReadonlyMap<string, Buffer>,
  expectedFingerprint?: string,
): Verification => {
  const found = new Map<string, FoundFile>();
  for (const [name, bytes] of files)
    found.set(name, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  const manifest = files.get(MANIFEST_FILE);
  const sigText = files.get(SIGNATURE_FILE)?.toString('utf8');
  const pem = files.get(PUBLIC_KEY_FILE);
  const key = pem === undefined ? undefined : readEd25519PublicKey(pem.toString('utf8'));
  const sig = sigText === undefined ? undefined : parseSignatureDocument(sigText);
  const signatureValid =
    manifest !== undefined && key !== undefined && sig?.ok === true
      ? verifySignature(key, manifest, Buffer.from(sig.value.signature, 'base64'))
      : undefined;
  return verifyPackage({
    files: found,
    manifestText: manifest?.toString('utf8'),
    signatureText: sigText,
    packageKey:
      pem === undefined ? undefined : key === undefined ? 'invalid' : { fingerprint: fingerprintOf(key) },
    signatureValid,
    expectedFingerprint,
  });
};
