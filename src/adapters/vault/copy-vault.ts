/**
 * The CopyVault port (issue 12 §2): finished redacted copies at rest, encrypted with AES-256-GCM
 * under a key drawn when the process starts and held only in its memory. A copy never lies on
 * disk as plaintext after render; a restart makes every earlier copy unreadable, and the service
 * removes them (clear) — the DPO renders again under a new grant. Copies are small (a redacted
 * clip of minutes, tens of MB), so each is sealed and opened whole: the tag is checked before a
 * byte is handed out.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CopyVault } from '../../services/redaction-ports.js';

const IV = 12;
const TAG = 16;

export const openCopyVault = (dir: string): CopyVault => {
  const key = randomBytes(32);
  const fileOf = (jobId: string) => {
    if (!/^[A-Za-z0-9-]+$/.test(jobId)) throw new Error(`not a job id: ${jobId}`);
    return path.join(dir, `${jobId}.copy`);
  };
  return {
    put: async (jobId, plaintextFile) => {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      try {
        const plain = await fs.readFile(plaintextFile);
        const iv = randomBytes(IV);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        cipher.setAAD(Buffer.from(jobId));
        const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        const temp = `${fileOf(jobId)}.${randomBytes(6).toString('hex')}.part`;
        await fs.writeFile(temp, sealed, { mode: 0o600 });
        await fs.rename(temp, fileOf(jobId));
        return { bytes: plain.length, sha256: createHash('sha256').update(plain).digest('hex') };
      } finally {
        await fs.rm(plaintextFile, { force: true });
      }
    },
    get: async (jobId) => {
      let sealed: Buffer;
      try {
        sealed = await fs.readFile(fileOf(jobId));
      } catch {
        return undefined;
      }
      if (sealed.length < IV + TAG) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
        decipher.setAAD(Buffer.from(jobId));
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
        return Buffer.concat([decipher.update(sealed.subarray(IV, sealed.length - TAG)), decipher.final()]);
      } catch {
        // Sealed by an earlier process (its key is gone) or damaged: not a copy any more.
        return undefined;
      }
    },
    remove: async (jobId) => {
      await fs.rm(fileOf(jobId), { force: true });
    },
    clear: async () => {
      let names: string[] = [];
      try {
        names = await fs.readdir(dir);
      } catch {
        return 0;
      }
      for (const n of names) await fs.rm(path.join(dir, n), { force: true, recursive: true });
      return names.length;
    },
  };
};
