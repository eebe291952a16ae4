/**
 * `proportio vault custody`: a vault made the old way (one identity file) is split among
 * custodians; the clips sealed before stay readable with k shares, the identity file is left for
 * the operator to destroy (and said so), and from then on the single identity is refused. Both
 * dialects.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, writeIdentityFile, type AgeIdentity } from '../../src/adapters/vault/keys.js';
import { availableDialects } from '../support/databases.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { runVaultCli, useCliEnvironment } from '../support/vault-cli.js';

const dialects = await availableDialects();
const FG = 'Paarse olifant op het stadhuis';
const REASON = 'aangifte PL0999-2026-test';

describe.each(dialects)('vault custody: an old single-identity vault moves to custody (%s)', (dialect) => {
  let t: TestRuntime;
  let restoreEnvironment: () => void = () => undefined;
  let outside: string;
  let old: AgeIdentity;
  let bvKey: AgeIdentity;
  const content = Buffer.from('footage from before custody '.repeat(3000));
  const cli = (answers: readonly string[], ...args: string[]) => runVaultCli(answers, args);
  const file = (name: string) => path.join(outside, name);
  const decrypt = (answers: readonly string[], out: string, ...key: string[]) =>
    cli(answers, 'clip', 'decrypt', 'clip-before-custody', ...key, '--out', file(out), '--reason', REASON);
  const putUnderCustody = (identityFile: string, ...extra: string[]) =>
    cli([FG, FG], 'vault', 'custody', '--identity', file(identityFile), ...extra, ...custodians());
  const custodians = () => [
    '--custodian',
    'fg',
    '--custodian',
    `beveiliging=${bvKey.recipient.text}`,
    '--custodian',
    `secretaris=${generateIdentity().recipient.text}`,
  ];

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    outside = await mkdtemp(path.join(os.tmpdir(), 'proportio-custody-migration-'));
    restoreEnvironment = useCliEnvironment(t);
    old = generateIdentity();
    bvKey = generateIdentity();
    for (const [name, id] of [
      ['old-identity.txt', old],
      ['bv-key.txt', bvKey],
      ['stranger.txt', generateIdentity()],
    ] as const) {
      const w = await writeIdentityFile(file(name), id);
      if (!w.ok) throw new Error(w.error.message);
    }
    await mkdir(path.join(t.dataDir, 'vault'), { recursive: true, mode: 0o700 });
    await writeFile(path.join(t.dataDir, 'vault', 'recipient.txt'), `${old.recipient.text}\n`, {
      mode: 0o600,
    });
    await sealTestClip(t, 'clip-before-custody', old.recipient.text, content);
  });

  afterAll(async () => {
    restoreEnvironment();
    await t.close();
    await rm(outside, { recursive: true, force: true });
  });

  it('before: no custody, and the old identity still decrypts (the way vaults were made)', async () => {
    const s = await cli([], 'vault', 'status', '--json');
    expect(JSON.parse(s.out)).toEqual({ recipient: old.recipient.text, custody: null });
    const r = await decrypt([], 'before.mp4', '--identity', file('old-identity.txt'));
    expect(r.code, r.message).toBe(0);
    expect((await readFile(file('before.mp4'))).equals(content)).toBe(true);
  });

  it('refuses another key (77) and a bad plan (64) without storing or asking anything', async () => {
    const wrong = await putUnderCustody('stranger.txt');
    expect(wrong.code).toBe(77);
    expect(wrong.message).toContain('VAULT.WRONG_KEY');
    const plan = await putUnderCustody('old-identity.txt', '--threshold', '1');
    expect(plan.code).toBe(64);
    const missing = await putUnderCustody('none.txt');
    expect(missing.code).toBe(78);
    for (const r of [wrong, plan, missing]) expect(r.asked).toEqual([]);
    expect(await t.rt.store.read.audit.page({ limit: 5, action: 'vault.custody' })).toEqual([]);
  });

  it('splits the existing identity, says to destroy the file and leaves it to the operator; audited', async () => {
    const r = await putUnderCustody('old-identity.txt');
    expect(r.code, r.message).toBe(0);
    expect(r.out).toContain(`DESTROY ${file('old-identity.txt')}`);
    expect(r.out).toContain('2 of 3');
    expect(existsSync(file('old-identity.txt'))).toBe(true);
    expect(r.out + r.err).not.toContain(old.encode());
    expect((await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).trim()).toBe(
      old.recipient.text,
    );
    const audit = (await t.rt.store.read.audit.page({ limit: 5, action: 'vault.custody' }))[0];
    expect(audit?.details).toMatchObject({
      recipient: old.recipient.text,
      generation: 1,
      threshold: 2,
      shares: 3,
    });
    expect((await t.rt.store.read.users.findByUsername('fg'))?.custodian).toBe(true);
  });

  it('after: the old clip opens with two shares; the identity alone is refused; no second custody, no new key', async () => {
    const r = await decrypt(
      [FG],
      'after.mp4',
      '--share-of',
      'fg',
      '--share-of',
      'beveiliging',
      '--share-identity',
      file('bv-key.txt'),
    );
    expect(r.code, r.message).toBe(0);
    expect((await readFile(file('after.mp4'))).equals(content)).toBe(true);
    const alone = await decrypt([], 'alone.mp4', '--identity', file('old-identity.txt'));
    expect(alone.code).toBe(77);
    expect(alone.message).toContain('CUSTODY.REQUIRED');
    expect(existsSync(file('alone.mp4'))).toBe(false);
    const again = await putUnderCustody('old-identity.txt');
    expect(again.code).toBe(73);
    expect(again.message).toContain('CUSTODY.ALREADY_SET_UP');
    expect(again.asked).toEqual([]);
    expect((await cli([FG, FG], 'vault', 'init', ...custodians())).code).toBe(73);
  });
});
