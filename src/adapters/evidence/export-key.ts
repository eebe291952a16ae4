/**
 * The organisation's Ed25519 export key (ADR 0005): kept like the audit anchor's key (PKCS#8 PEM,
 * mode 0600, in the data folder, created on first use, the public half beside it as <key>.pub) —
 * by the same code, `anchorKeys`. Its fingerprint is the SHA-256 of the public key's DER
 * SubjectPublicKeyInfo, what `openssl pkey -pubin -outform DER | sha256sum` prints.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import type { ExportKey } from '../../services/evidence-export-ports.js';
import { anchorKeys } from '../crypto/audit-anchor.js';

export const EXPORT_KEY_FILE = 'export-signing.key';

/** Where the key lives: <dataDir>/export-signing.key (the public half: …key.pub). */
export const exportKeyFile = (dataDir: string): string => path.join(dataDir, EXPORT_KEY_FILE);

export const fingerprintOf = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');

export const publicPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

/** An Ed25519 public key from PEM text, or undefined when it is not one. */
export const readEd25519PublicKey = (pem: string): KeyObject | undefined => {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
};

export const verifySignature = (key: KeyObject, bytes: Uint8Array, signature: Uint8Array): boolean => {
  try {
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
};

export const exportKey = (
  file: string,
): ExportKey & {
  readonly location: string;
  existing(): { pem: string; fingerprint: string } | undefined;
} => {
  const keys = anchorKeys(file);
  return {
    location: file,
    existing: () => {
      const pub = keys.publicKey();
      return pub ? { pem: publicPem(pub), fingerprint: fingerprintOf(pub) } : undefined;
    },
    publicKey: () => {
      const pub = keys.signer().publicKey;
      return { pem: publicPem(pub), fingerprint: fingerprintOf(pub) };
    },
    // The anchor signer signs a string's UTF-8 bytes; what is signed here (manifest.json) is UTF-8 text.
    sign: (bytes) => {
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes))
        throw new TypeError('the export key signs UTF-8 text only');
      return Buffer.from(keys.signer().sign(text), 'base64url');
    },
  };
};
