/**
 * The agent gateway's cryptography (ADR 0015): the plan-signing Ed25519 key, kept like the audit
 * anchor's (`anchorKeys`: PKCS#8 PEM, mode 0600, in the data folder, made on first use), camera
 * sources sealed to an agent's age recipient, SHA-256 of codes and tokens, random secrets.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import type { AgentCrypto } from '../../services/agent-ports.js';
import { anchorKeys } from '../crypto/audit-anchor.js';
import { publicPem } from '../evidence/export-key.js';
import { AgeEncryptor } from '../vault/age-format.js';
import { parseRecipient } from '../vault/keys.js';

export const agentPlanKeyFile = (dataDir: string): string => path.join(dataDir, 'agent-plan-signing.key');

/** An age file (binary) of `text` to this recipient, as base64. */
export const sealToRecipient = (recipient: string, text: string): string => {
  const r = parseRecipient(recipient);
  if (!r.ok) throw new Error(`not an age recipient: ${r.error.message}`);
  const enc = new AgeEncryptor([r.value]);
  return Buffer.concat([...enc.update(Buffer.from(text, 'utf8')), ...enc.final()]).toString('base64');
};

export const gatewayCrypto = (dataDir: string): AgentCrypto => {
  const keys = anchorKeys(agentPlanKeyFile(dataDir));
  return {
    sealTo: sealToRecipient,
    sign: (bytes) => {
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) throw new TypeError('the plan key signs UTF-8 text only');
      return keys.signer().sign(text);
    },
    publicKeyPem: () => publicPem(keys.signer().publicKey),
    hash: (secret) => createHash('sha256').update(secret, 'utf8').digest('hex'),
    code: (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
    tokenSecret: () => randomBytes(32).toString('base64url'),
  };
};
