/**
 * A vault under 2-of-3 custody as `vault init` makes it (real age): fg and beveiliging seal their
 * shares with a passphrase, the secretary's share is sealed to her own age key. For the tests of
 * four-eyes viewing and of the export through real grants. The CLI's environment points at the
 * runtime until `close()`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateIdentity, writeIdentityFile, type AgeIdentity } from '../../src/adapters/vault/keys.js';
import type { TestRuntime } from './test-runtime.js';
import { runVaultCli, useCliEnvironment } from './vault-cli.js';

/** The passphrases of the demo custodians fg and beveiliging. */
export const FG_PASSPHRASE = 'Paarse olifant op het stadhuis';
export const BV_PASSPHRASE = 'Zeven zwanen zwemmen zuidwaarts';

export interface CustodyVault {
  /** The vault's age recipient (what clips are sealed to). */
  readonly recipient: string;
  /** The secretary's age key, and the file it is in. */
  readonly secretaryKey: AgeIdentity;
  readonly keyFile: string;
  /** A temporary folder outside the data folder, removed by close(). */
  readonly outside: string;
  readonly close: () => Promise<void>;
}

export const initCustodyVault = async (
  t: TestRuntime,
  prefix = 'proportio-custody-',
): Promise<CustodyVault> => {
  const outside = await mkdtemp(path.join(os.tmpdir(), prefix));
  const restoreEnvironment = useCliEnvironment(t);
  const close = async () => {
    restoreEnvironment();
    await rm(outside, { recursive: true, force: true });
  };
  try {
    const secretaryKey = generateIdentity();
    const keyFile = path.join(outside, 'secretaris.key');
    const w = await writeIdentityFile(keyFile, secretaryKey);
    if (!w.ok) throw new Error(w.error.message);
    const init = await runVaultCli(
      [FG_PASSPHRASE, FG_PASSPHRASE, BV_PASSPHRASE, BV_PASSPHRASE],
      [
        'vault',
        'init',
        '--custodian',
        'fg',
        '--custodian',
        'beveiliging',
        '--custodian',
        `secretaris=${secretaryKey.recipient.text}`,
        '--json',
      ],
    );
    if (init.code !== 0) throw new Error(`vault init failed: ${init.message}`);
    const recipient = (JSON.parse(init.out) as { recipient: string }).recipient;
    return { recipient, secretaryKey, keyFile, outside, close };
  } catch (e) {
    await close();
    throw e;
  }
};
