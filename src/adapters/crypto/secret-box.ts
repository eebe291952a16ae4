/**
 * AES-256-GCM for small secrets at rest (camera credentials), keyed by the master key file.
 * Sealed form: "v1.<iv b64url>.<ciphertext b64url>.<tag b64url>".
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IdGenerator, SecretBox } from '../../services/ports.js';

export const secretBox = (key: Buffer): SecretBox => {
  if (key.length !== 32) throw new Error('master key must be 32 bytes');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        ct.toString('base64url'),
        c.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [v, iv, ct, tag] = sealed.split('.');
      if (v !== 'v1' || !iv || ct === undefined || !tag) throw new Error('not a sealed secret');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
};

/** Reads the master key, creating it (0600) on first start. */
export const loadOrCreateMasterKey = (file: string): Buffer => {
  if (fs.existsSync(file)) {
    const raw = fs.readFileSync(file, 'utf8').trim();
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error(`master key file ${file} does not hold a base64 32-byte key`);
    return key;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
};

export const randomIds: IdGenerator = {
  newId: () => randomUUID(),
  newSecret: () => randomBytes(32).toString('base64url'),
};
