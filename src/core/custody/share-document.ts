/**
 * What a sealed share holds once opened: a few text lines saying whose share of which vault key
 * it is, a blank line, then the share bytes themselves. The share stays bytes (never a string),
 * so whoever opened it can wipe it; the text says nothing secret. The lines are inside the age
 * file's authenticated payload, so nobody can relabel a share without its passphrase or key.
 *
 *   proportio-vault-share/1
 *   vault: age1…
 *   generation: 1
 *   threshold: 2
 *   shares: 3
 *   index: 1
 *   custodian-id: 0b7c…
 *   custodian: fg
 *
 *   <share bytes>
 */
import { err, ok, type Result } from '../result.js';
import { MAX_CUSTODIANS, MIN_THRESHOLD, type ShareInfo } from './custody.js';
import type { CustodyErrorCode } from './errors.js';

export const SHARE_FORMAT = 'proportio-vault-share/1';
const FIELDS = ['vault', 'generation', 'threshold', 'shares', 'index', 'custodian-id', 'custodian'] as const;
const NUMBER = /^[1-9][0-9]{0,5}$/;
const TOKEN = /^[\x21-\x7e]{1,200}$/;

export interface ShareDocument {
  readonly info: ShareInfo;
  /** Shamir share bytes (the last byte is the share's x coordinate). Wipe after use. */
  readonly share: Uint8Array;
}

export const encodeShareDocument = (info: ShareInfo, share: Uint8Array): Uint8Array => {
  const text = [
    SHARE_FORMAT,
    `vault: ${info.vault}`,
    `generation: ${info.generation}`,
    `threshold: ${info.threshold}`,
    `shares: ${info.shares}`,
    `index: ${info.index}`,
    `custodian-id: ${info.custodianId}`,
    `custodian: ${info.custodian}`,
    '',
    '',
  ].join('\n');
  const head = new TextEncoder().encode(text);
  const out = new Uint8Array(head.length + share.length);
  out.set(head);
  out.set(share, head.length);
  return out;
};

const invalid = (message: string): Result<never, CustodyErrorCode> =>
  err('CUSTODY.SHARE_INVALID', `not a vault share: ${message}`);

/** The share is a view into `bytes`: wiping `bytes` wipes it. */
export const decodeShareDocument = (bytes: Uint8Array): Result<ShareDocument, CustodyErrorCode> => {
  let end = -1;
  for (let i = 0; i + 1 < bytes.length && i < 2048; i++)
    if (bytes[i] === 0x0a && bytes[i + 1] === 0x0a) {
      end = i;
      break;
    }
  if (end < 0) return invalid('no header');
  const lines = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, end)).split('\n');
  if (lines[0] !== SHARE_FORMAT) return invalid(`it does not start with ${SHARE_FORMAT}`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const m = /^([a-z-]+): (.*)$/.exec(line);
    if (m?.[1] === undefined || m[2] === undefined || !TOKEN.test(m[2])) return invalid('a malformed line');
    if (fields.has(m[1]) || !(FIELDS as readonly string[]).includes(m[1]))
      return invalid(`an unexpected field "${m[1]}"`);
    fields.set(m[1], m[2]);
  }
  const missing = FIELDS.find((f) => !fields.has(f));
  if (missing !== undefined) return invalid(`the field "${missing}" is missing`);
  const text = (f: (typeof FIELDS)[number]): string => fields.get(f) ?? '';
  const num = (f: (typeof FIELDS)[number]): number => (NUMBER.test(text(f)) ? Number(text(f)) : NaN);
  const info: ShareInfo = {
    vault: text('vault'),
    generation: num('generation'),
    threshold: num('threshold'),
    shares: num('shares'),
    index: num('index'),
    custodianId: text('custodian-id'),
    custodian: text('custodian'),
  };
  if (!info.vault.startsWith('age1')) return invalid('the vault is not an age1… recipient');
  if ([info.generation, info.threshold, info.shares, info.index].some(Number.isNaN))
    return invalid('a number is malformed');
  if (
    info.threshold < MIN_THRESHOLD ||
    info.threshold > info.shares ||
    info.shares > MAX_CUSTODIANS ||
    info.index > info.shares
  )
    return invalid('its threshold, size or index is out of range');
  const share = bytes.subarray(end + 2);
  if (share.length < 2 || share.length > 256) return invalid('the share bytes have an impossible length');
  return ok({ info, share });
};
