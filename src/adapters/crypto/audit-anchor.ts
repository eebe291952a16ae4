/**
 * The audit anchor's outside-the-database parts: the append-only JSON-lines file and the Ed25519
 * signing key (PKCS#8 PEM, 0600, created on first use; the public key is written beside it as
 * <key>.pub so an auditor can check anchors without the private key).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnchorKeys, AnchorLog } from '../../services/ports.js';

export const anchorFile = (file: string): AnchorLog => ({
  location: file,
  async read() {
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  async append(line) {
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // O_APPEND: each line lands at the end even if another writer appended meanwhile.
    const fh = await fs.promises.open(file, 'a', 0o600);
    try {
      await fh.appendFile(line, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
});

/** Reads a PEM key file: a private key gives its public half; a public key (.pub) is taken as is. */
const readPublicKey = (file: string): KeyObject | undefined => {
  if (!fs.existsSync(file)) return undefined;
  const pem = fs.readFileSync(file, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
};

export const anchorKeys = (file: string): AnchorKeys => {
  let privateKey: KeyObject | undefined;
  const load = (): KeyObject => {
    if (privateKey) return privateKey;
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const pair = generateKeyPairSync('ed25519');
      // 'wx': never overwrite a key another process created a moment ago.
      fs.writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
      // Not secret, but everything in the data folder is the owner's alone; auditors get a copy.
      fs.writeFileSync(`${file}.pub`, pair.publicKey.export({ type: 'spki', format: 'pem' }), {
        mode: 0o600,
      });
    }
    const key = createPrivateKey(fs.readFileSync(file, 'utf8'));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 private key`);
    privateKey = key;
    return key;
  };
  return {
    location: file,
    publicKey: () => (privateKey ? createPublicKey(privateKey) : readPublicKey(file)),
    signer: () => {
      const key = load();
      return {
        publicKey: createPublicKey(key),
        sign: (payload) => sign(null, Buffer.from(payload), key).toString('base64url'),
      };
    },
  };
};
