/**
 * Key custody through the CLI against a real store, on both dialects (issue 10 §1): `vault init`
 * splits a new key 2 of 3 among custodians (two passphrases typed at the terminal, one age key),
 * no identity bytes end up anywhere, shares are exported for break-glass, k shares decrypt a clip
 * (audited before any plaintext), k-1 shares and a wrong passphrase do not, a re-share keeps old
 * clips readable with the new shares and makes the old ones useless, and a decryption works from
 * share files alone when the database is unreachable. Wrong arguments change nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShare, withVaultIdentity } from '../../src/adapters/vault/custody.js';
import { generateIdentity, writeIdentityFile, type AgeIdentity } from '../../src/adapters/vault/keys.js';
import { bech32Encode } from '../../src/adapters/vault/bech32.js';
import { ok } from '../../src/core/result.js';
import { availableDialects } from '../support/databases.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { runVaultCli, useCliEnvironment } from '../support/vault-cli.js';

const dialects = await availableDialects();

const FG = 'Paarse olifant op het stadhuis';
const BV = 'Zeven zwanen zwemmen zuidwaarts';
const BEHEER = 'Beheer bewaart de sleutel goed';
const REASON = 'aangifte PL0999-2026-test';

describe.each(dialects)('vault key custody through the CLI (%s)', (dialect) => {
  let t: TestRuntime;
  let restoreEnvironment: () => void = () => undefined;
  let outside: string;
  let secretaryKey: AgeIdentity;
  let secretaryKeyFile: string;
  let recipient: string;
  /** Everything the commands printed, searched for key material. */
  const printed: string[] = [];
  const content = Buffer.from('not really an mp4, but every byte must come back '.repeat(4000));
  const cli = async (answers: readonly string[], ...args: string[]) => {
    const r = await runVaultCli(answers, args);
    printed.push(r.out, r.err, r.message);
    return r;
  };
  const file = (name: string) => path.join(outside, name);
  const audits = async (action: string) => t.rt.store.read.audit.page({ limit: 50, action });
  const shareRows = async () =>
    (
      await sql<{
        generation: number;
        share_index: number;
        sealed: string | null;
        retired_at: string | null;
      }>`SELECT generation, share_index, sealed, retired_at FROM vault_shares ORDER BY generation, share_index`.execute(
        t.rt.database.db,
      )
    ).rows.map((r) => ({ ...r, generation: Number(r.generation), share_index: Number(r.share_index) }));
  const custodian = async (username: string) =>
    (await t.rt.store.read.users.findByUsername(username))?.custodian;
  const init = (...extra: string[]) =>
    cli(
      [FG, FG, BV, BV],
      'vault',
      'init',
      '--custodian',
      'fg',
      '--custodian',
      'beveiliging',
      '--custodian',
      `secretaris=${secretaryKey.recipient.text}`,
      ...extra,
    );
  /** fg's and secretaris's exported shares of the first share set, and the key for the latter. */
  const fgAndSecretaryGeneration1 = () => [
    '--share',
    file('fg-1.age'),
    '--share',
    file('sec-1.age'),
    '--share-identity',
    secretaryKeyFile,
  ];
  /** Re-shares to `custodians` (all passphrase custodians) with the given share options. */
  const reshare = (answers: readonly string[], custodians: readonly string[], ...rest: string[]) =>
    cli(answers, 'vault', 'reshare', ...custodians.flatMap((c) => ['--custodian', c]), ...rest);
  const decrypt = (answers: readonly string[], out: string, ...shares: string[]) =>
    cli(answers, 'clip', 'decrypt', 'clip-custody', '--out', out, '--reason', REASON, ...shares);

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    outside = await mkdtemp(path.join(os.tmpdir(), 'proportio-custody-'));
    restoreEnvironment = useCliEnvironment(t);
    secretaryKey = generateIdentity();
    secretaryKeyFile = file('secretaris-age-key.txt');
    const w = await writeIdentityFile(secretaryKeyFile, secretaryKey);
    if (!w.ok) throw new Error(w.error.message);
  });

  afterAll(async () => {
    restoreEnvironment();
    await t.close();
    await rm(outside, { recursive: true, force: true });
  });

  it('wrong arguments: a clear error and nothing changed', async () => {
    const auditBefore = (await t.rt.store.read.audit.page({ limit: 1 }))[0]?.seq;
    const disabled = await t.rt.services.users.create(
      { kind: 'system', name: 'test' },
      { username: 'weg', displayName: 'Vertrokken', roles: ['auditor'] },
    );
    if (!disabled.ok) throw new Error(disabled.error.message);
    const cases: Array<[string, readonly string[], string[], number, string]> = [
      [
        'threshold 1',
        [],
        ['--threshold', '1', '--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'balie'],
        64,
        'CUSTODY.INVALID_PLAN',
      ],
      [
        'threshold above n',
        [],
        ['--threshold', '4', '--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'balie'],
        64,
        'CUSTODY.INVALID_PLAN',
      ],
      ['too many custodians', [], ['--custodians', '11', '--custodian', 'fg'], 64, 'CUSTODY.INVALID_PLAN'],
      [
        'fewer named than planned',
        [],
        ['--custodian', 'fg', '--custodian', 'bhv'],
        64,
        'CUSTODY.INVALID_PLAN',
      ],
      ['not a number', [], ['--custodians', 'drie', '--custodian', 'fg'], 64, 'CUSTODY.INVALID_PLAN'],
      [
        'one person twice',
        [],
        ['--custodian', 'fg', '--custodian', 'fg', '--custodian', 'bhv'],
        65,
        'CUSTODY.CUSTODIAN_INVALID',
      ],
      [
        'an unknown account',
        [],
        ['--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'nobody'],
        65,
        'CUSTODY.CUSTODIAN_INVALID',
      ],
      [
        'a bad age key',
        [],
        ['--custodian', 'fg=age1notakey', '--custodian', 'bhv', '--custodian', 'balie'],
        65,
        'CUSTODY.CUSTODIAN_INVALID',
      ],
      [
        'a secret key where the public one belongs',
        [],
        ['--custodian', `fg=${secretaryKey.encode()}`, '--custodian', 'bhv', '--custodian', 'balie'],
        65,
        'CUSTODY.CUSTODIAN_INVALID',
      ],
      [
        'a passphrase too short, three times',
        ['kort', 'kort', 'kort'],
        ['--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'balie'],
        65,
        'CUSTODY.WEAK_PASSPHRASE',
      ],
      [
        'two passphrases that differ, three times',
        [FG, BV, FG, BV, FG, BV],
        ['--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'balie'],
        65,
        'differ',
      ],
    ];
    const weg = (await t.rt.store.read.users.findByUsername('weg'))!;
    await t.rt.services.users.update({ kind: 'system', name: 'test' }, weg.id, { disabled: true });
    cases.push([
      'a disabled account',
      [],
      ['--custodian', 'fg', '--custodian', 'bhv', '--custodian', 'weg'],
      65,
      'CUSTODY.CUSTODIAN_INVALID',
    ]);
    for (const [name, answers, args, code, says] of cases) {
      const r = await cli(answers, 'vault', 'init', ...args);
      expect(r.code, `${name}: ${r.message}`).toBe(code);
      expect(r.message, name).toContain(says);
    }
    expect((await cli([], 'vault', 'init', '--identity-out', file('id.txt'))).code).toBe(64);
    // Shares and an identity at once, or neither, or a reason that says nothing.
    expect((await decrypt([], file('x.mp4'), '--identity', file('a'), '--share', file('b'))).code).toBe(64);
    expect((await decrypt([], file('x.mp4'))).code).toBe(64);
    expect(
      (await cli([], 'clip', 'decrypt', 'c', '--share', file('b'), '--out', file('x.mp4'), '--reason', 'x'))
        .code,
    ).toBe(65);
    expect((await cli([], 'vault', 'status')).code).toBe(78); // no vault key yet
    expect((await cli([], 'vault', 'share', 'export', '--custodian', 'fg', '--out', file('s'))).code).toBe(
      78,
    );

    expect(existsSync(path.join(t.dataDir, 'vault', 'recipient.txt'))).toBe(false);
    expect(await shareRows()).toEqual([]);
    expect((await t.rt.store.read.users.list()).filter((u) => u.custodian)).toEqual([]);
    // Only the test's own account changes were audited.
    const after = await t.rt.store.read.audit.page({ limit: 10 });
    expect(
      after
        .filter((e) => e.seq > (auditBefore ?? 0))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['user.create', 'user.disable']);
    expect(existsSync(file('x.mp4'))).toBe(false);
  });

  it('vault init: 2 of 3, two passphrases asked twice at the terminal, one age key; stored, flagged, audited', async () => {
    const r = await init('--json');
    expect(r.code, r.message).toBe(0);
    expect(r.asked).toEqual([
      'Nieuwe wachtwoordzin / new passphrase for fg: ',
      'Nog een keer / again: ',
      'Nieuwe wachtwoordzin / new passphrase for beveiliging: ',
      'Nog een keer / again: ',
    ]);
    const v = JSON.parse(r.out) as {
      recipient: string;
      generation: number;
      threshold: number;
      shares: number;
    };
    recipient = v.recipient;
    expect(v).toMatchObject({ generation: 1, threshold: 2, shares: 3 });
    expect((await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).trim()).toBe(recipient);
    expect((await shareRows()).map((s) => [s.generation, s.share_index, s.sealed !== null])).toEqual([
      [1, 1, true],
      [1, 2, true],
      [1, 3, true],
    ]);
    expect([await custodian('fg'), await custodian('beveiliging'), await custodian('secretaris')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(await custodian('beheer')).toBe(false);
    const audit = (await audits('vault.init'))[0];
    expect(audit).toMatchObject({
      actor: 'system:cli',
      details: expect.objectContaining({
        recipient,
        threshold: 2,
        shares: 3,
        custodians: [
          { index: 1, custodian: 'fg', sealing: 'passphrase' },
          { index: 2, custodian: 'beveiliging', sealing: 'passphrase' },
          {
            index: 3,
            custodian: 'secretaris',
            sealing: 'age-recipient',
            sealedTo: secretaryKey.recipient.text,
          },
        ],
      }),
    });
    // A second vault key would orphan the clips sealed to the first.
    const again = await init();
    expect(again.code).toBe(73);
    expect(again.message).toContain('VAULT.KEY_EXISTS');
    expect(again.asked).toEqual([]);
  });

  it('vault status lists the share set; share export writes a sealed share (0600), audited, never over a file', async () => {
    const s = await cli([], 'vault', 'status');
    expect(s.code, s.message).toBe(0);
    expect(s.out).toContain('2 of 3');
    expect(s.out).toMatch(/secretaris .*age key age1/);
    for (const [user, name] of [
      ['fg', 'fg-1.age'],
      ['beveiliging', 'bv-1.age'],
      ['secretaris', 'sec-1.age'],
    ] as const) {
      const r = await cli([], 'vault', 'share', 'export', '--custodian', user, '--out', file(name));
      expect(r.code, r.message).toBe(0);
      expect(statSync(file(name)).mode & 0o777).toBe(0o600);
    }
    expect((await readFile(file('fg-1.age'))).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect((await audits('vault.share-export')).map((a) => a.details.custodian)).toEqual([
      'secretaris',
      'beveiliging',
      'fg',
    ]);
    const again = await cli([], 'vault', 'share', 'export', '--custodian', 'fg', '--out', file('fg-1.age'));
    expect(again.code).toBe(73);
    const nobody = await cli(
      [],
      'vault',
      'share',
      'export',
      '--custodian',
      'beheer',
      '--out',
      file('no.age'),
    );
    expect(nobody.code).toBe(66);
    expect(nobody.message).toContain('CUSTODY.NOT_A_CUSTODIAN');
    expect(existsSync(file('no.age'))).toBe(false);
    expect(await audits('vault.share-export')).toHaveLength(3);
  });

  it('no identity or share plaintext in the database, the data folder or the output', async () => {
    // Rebuild the key here, the way only k custodians can, to know which bytes to look for.
    const fgShare = await openShare(await readFile(file('fg-1.age')), { passphrase: FG });
    const secShare = await openShare(await readFile(file('sec-1.age')), { identities: [secretaryKey] });
    if (!fgShare.ok || !secShare.ok) throw new Error('the exported shares do not open');
    const shareBytes = [Buffer.from(fgShare.value.share), Buffer.from(secShare.value.share)];
    let secret = Buffer.alloc(0);
    const rebuilt = await withVaultIdentity([fgShare.value, secShare.value], { vault: recipient }, (id) => {
      secret = Buffer.from(id.secretKey);
      return ok(id.recipient.text);
    });
    expect(rebuilt.ok && rebuilt.value).toBe(recipient);
    const needles = [
      secret,
      Buffer.from(secret.toString('hex')),
      Buffer.from(secret.toString('base64').replace(/=+$/, '')),
      Buffer.from(secret.toString('base64url')),
      Buffer.from(bech32Encode('AGE-SECRET-KEY-', secret, true)),
      Buffer.from(bech32Encode('AGE-SECRET-KEY-', secret, true).toLowerCase()),
      ...shareBytes.flatMap((b) => [
        b,
        Buffer.from(b.toString('hex')),
        Buffer.from(b.toString('base64').slice(0, 40)),
      ]),
    ];
    const haystacks: Array<[string, Buffer]> = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else haystacks.push([p, readFileSync(p)]);
      }
    };
    walk(t.dataDir);
    // Every row of every table, as text (PostgreSQL keeps its files elsewhere; SQLite's are walked too).
    const tables =
      dialect === 'postgres'
        ? (
            await sql<{
              name: string;
            }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
              t.rt.database.db,
            )
          ).rows
        : (
            await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
              t.rt.database.db,
            )
          ).rows;
    for (const { name } of tables) {
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(
        t.rt.database.db,
      );
      haystacks.push([`table ${name}`, Buffer.from(JSON.stringify(rows.rows))]);
    }
    expect(tables.map((x) => x.name)).toContain('vault_shares');
    await cli([], 'vault', 'status', '--json');
    haystacks.push(['what the commands printed (init, export, status)', Buffer.from(printed.join('\n'))]);
    for (const [where, bytes] of haystacks)
      for (const n of needles) expect(bytes.includes(n), `${where} holds key material`).toBe(false);
    // The search does look where the shares are: the sealed share (harmless) is found.
    const sealedFg = Buffer.from((await readFile(file('fg-1.age'))).toString('base64').slice(0, 60));
    expect(haystacks.some(([where, bytes]) => where.startsWith('table') && bytes.includes(sealedFg))).toBe(
      true,
    );
  });

  it('k shares decrypt a clip, audited before any plaintext; k-1 shares and a wrong passphrase do not', async () => {
    await sealTestClip(t, 'clip-custody', recipient, content);
    // One share: refused before any file is written or access recorded.
    const one = await decrypt([FG], file('one.mp4'), '--share', file('fg-1.age'));
    expect(one.code).toBe(77);
    expect(one.message).toContain('CUSTODY.NOT_ENOUGH_SHARES');
    // A wrong passphrase, three times.
    const wrong = await decrypt(
      ['Dit is niet de zin', 'Ook deze niet hoor', 'Nog steeds fout dus'],
      file('wrong.mp4'),
      ...fgAndSecretaryGeneration1(),
    );
    expect(wrong.code).toBe(77);
    expect(wrong.message).toContain('VAULT.WRONG_PASSPHRASE');
    expect(wrong.asked).toHaveLength(3);
    // A key-sealed share without its key.
    const noKey = await decrypt(
      [FG],
      file('nokey.mp4'),
      '--share',
      file('fg-1.age'),
      '--share',
      file('sec-1.age'),
    );
    expect(noKey.code).toBe(64);
    for (const f of ['one.mp4', 'wrong.mp4', 'nokey.mp4']) expect(existsSync(file(f))).toBe(false);
    expect(await audits('clip.decrypt-started')).toEqual([]);

    // Two custodians: a passphrase share from a file, and the key-sealed share the server keeps.
    const r = await decrypt(
      [FG],
      file('two.mp4'),
      '--share',
      file('fg-1.age'),
      '--share-of',
      'secretaris',
      '--share-identity',
      secretaryKeyFile,
    );
    expect(r.code, r.message).toBe(0);
    expect(r.asked).toEqual(['Wachtwoordzin / passphrase for the share in fg-1.age: ']);
    expect((await readFile(file('two.mp4'))).equals(content)).toBe(true);
    const started = (await audits('clip.decrypt-started'))[0];
    const done = (await audits('clip.decrypt'))[0];
    expect(started?.seq).toBeLessThan(done!.seq);
    expect(done).toMatchObject({
      actor: 'system:cli',
      subject: 'clip:clip-custody',
      details: expect.objectContaining({
        method: 'shares',
        generation: 1,
        custodians: ['fg', 'secretaris'],
        reason: REASON,
        bytes: content.length,
      }),
    });
  });

  it('--identity is refused for a vault under custody, even with the right key', async () => {
    // Someone kept a copy of the key: Proportio still will not open a clip with it alone.
    const fgShare = await openShare(await readFile(file('fg-1.age')), { passphrase: FG });
    const bvShare = await openShare(await readFile(file('bv-1.age')), { passphrase: BV });
    if (!fgShare.ok || !bvShare.ok) throw new Error('the exported shares do not open');
    const kept = file('kept-identity.txt');
    await withVaultIdentity([fgShare.value, bvShare.value], { vault: recipient }, async (id) => {
      const w = await writeIdentityFile(kept, id);
      return w.ok ? ok(1) : w;
    });
    const r = await decrypt([], file('kept.mp4'), '--identity', kept);
    expect(r.code).toBe(77);
    expect(r.message).toContain('CUSTODY.REQUIRED');
    expect(existsSync(file('kept.mp4'))).toBe(false);
  });

  it('re-share: secretaris leaves, beheer joins; old clips open with the new shares, old shares are refused', async () => {
    const next = ['fg', 'beveiliging', 'beheer'];
    const bad = await reshare(
      [FG],
      next,
      '--share',
      file('fg-1.age'),
      '--reason',
      'A. Jansen verlaat de gemeente',
    );
    expect(bad.code).toBe(77); // one share cannot re-share either
    expect(bad.message).toContain('CUSTODY.NOT_ENOUGH_SHARES');

    const r = await reshare(
      // fg's and beveiliging's current shares, then a new passphrase (twice) for each share of the
      // new set: keeping one's old passphrase is allowed, the share under it is new.
      [FG, BV, FG, FG, BV, BV, BEHEER, BEHEER],
      next,
      '--share',
      file('fg-1.age'),
      '--share',
      file('bv-1.age'),
      '--reason',
      'A. Jansen verlaat de gemeente',
      '--json',
    );
    expect(r.code, r.message).toBe(0);
    expect(r.asked).toEqual([
      'Wachtwoordzin / passphrase for the share in fg-1.age: ',
      'Wachtwoordzin / passphrase for the share in bv-1.age: ',
      ...['fg', 'beveiliging', 'beheer'].flatMap((u) => [
        `Nieuwe wachtwoordzin / new passphrase for ${u}: `,
        'Nog een keer / again: ',
      ]),
    ]);
    expect(JSON.parse(r.out)).toMatchObject({
      recipient,
      generation: 2,
      fromGeneration: 1,
      threshold: 2,
      shares: 3,
    });
    expect((await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).trim()).toBe(recipient);
    const rows = await shareRows();
    expect(
      rows.filter((s) => s.generation === 1).every((s) => s.sealed === null && s.retired_at !== null),
    ).toBe(true);
    expect(
      rows.filter((s) => s.generation === 2).every((s) => s.sealed !== null && s.retired_at === null),
    ).toBe(true);
    expect([await custodian('secretaris'), await custodian('beheer'), await custodian('fg')]).toEqual([
      false,
      true,
      true,
    ]);
    expect((await audits('vault.reshare'))[0]?.details).toMatchObject({
      fromGeneration: 1,
      generation: 2,
      left: ['secretaris'],
      joined: ['beheer'],
      unlockedBy: ['fg', 'beveiliging'],
      reason: 'A. Jansen verlaat de gemeente',
    });
    expect((await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).trim()).toBe(recipient);
  });

  it('after the re-share: the old clip opens with new shares; old, mixed and departed shares are refused', async () => {
    expect(
      (await cli([], 'vault', 'share', 'export', '--custodian', 'beheer', '--out', file('beheer-2.age')))
        .code,
    ).toBe(0);
    const ok2 = await decrypt(
      [BEHEER, FG],
      file('new.mp4'),
      '--share',
      file('beheer-2.age'),
      '--share-of',
      'fg',
    );
    expect(ok2.code, ok2.message).toBe(0);
    expect((await readFile(file('new.mp4'))).equals(content)).toBe(true);

    const old = await decrypt([FG], file('old.mp4'), ...fgAndSecretaryGeneration1());
    expect(old.code).toBe(77);
    expect(old.message).toContain('CUSTODY.STALE_SHARE');
    const mixed = await decrypt(
      [FG, BEHEER],
      file('mixed.mp4'),
      '--share',
      file('fg-1.age'),
      '--share',
      file('beheer-2.age'),
    );
    expect(mixed.code).toBe(65);
    expect(mixed.message).toContain('CUSTODY.MIXED_SHARES');
    const departed = await decrypt(
      [BEHEER],
      file('dep.mp4'),
      '--share',
      file('beheer-2.age'),
      '--share-of',
      'secretaris',
    );
    expect(departed.code).toBe(66);
    expect(departed.message).toContain('CUSTODY.NOT_A_CUSTODIAN');
    // The old share files cannot re-share again either.
    const again = await reshare(
      [FG, BV],
      ['fg', 'beveiliging', 'secretaris'],
      '--share',
      file('fg-1.age'),
      '--share',
      file('bv-1.age'),
      '--reason',
      'terug naar de oude set',
    );
    expect(again.code).toBe(77);
    expect(again.message).toContain('CUSTODY.STALE_SHARE');
    for (const f of ['old.mp4', 'mixed.mp4', 'dep.mp4']) expect(existsSync(file(f))).toBe(false);
    expect((await shareRows()).filter((s) => s.retired_at === null).map((s) => s.generation)).toEqual([
      2, 2, 2,
    ]);
  });

  it('break-glass without the database: share files alone decrypt, with a loud "not audited"', async () => {
    expect(
      (await cli([], 'vault', 'share', 'export', '--custodian', 'fg', '--out', file('fg-2.age'))).code,
    ).toBe(0);
    const head = async () => (await t.rt.store.read.audit.page({ limit: 1 }))[0]?.seq;
    const before = await head();
    // --offline: the database is there but not used.
    const r = await decrypt(
      [BEHEER, FG],
      file('off.mp4'),
      '--offline',
      '--share',
      file('beheer-2.age'),
      '--share',
      file('fg-2.age'),
    );
    expect(r.code, r.message).toBe(0);
    expect(r.err).toContain('NOT audited');
    expect(r.out).toContain('NOT audited');
    expect((await readFile(file('off.mp4'))).equals(content)).toBe(true);
    // No database at all: a copy of the vault folder on another machine.
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'proportio-breakglass-'));
    try {
      await cp(path.join(t.dataDir, 'vault'), path.join(elsewhere, 'vault'), { recursive: true });
      process.env.PROPORTIO_DATA_DIR = elsewhere;
      delete process.env.PROPORTIO_DATABASE_URL;
      const far = await decrypt(
        [FG, BEHEER],
        file('far.mp4'),
        '--share',
        file('fg-2.age'),
        '--share',
        file('beheer-2.age'),
      );
      expect(far.code, far.message).toBe(0);
      expect(far.err).toContain('cannot be reached');
      expect((await readFile(file('far.mp4'))).equals(content)).toBe(true);
      // Nothing was created there: no database, no master key.
      expect(readdirSync(elsewhere)).toEqual(['vault']);
      // Offline, stored shares are out of reach, and generations cannot be checked against the
      // database: mixed sets are still refused by the shares themselves.
      expect((await decrypt([], file('x.mp4'), '--share-of', 'fg', '--share', file('fg-2.age'))).code).toBe(
        64,
      );
      const mixed = await decrypt(
        [FG, BEHEER],
        file('y.mp4'),
        '--share',
        file('fg-1.age'),
        '--share',
        file('beheer-2.age'),
      );
      expect(mixed.message).toContain('CUSTODY.MIXED_SHARES');
    } finally {
      process.env.PROPORTIO_DATA_DIR = t.dataDir;
      if (t.rt.config.databaseUrl) process.env.PROPORTIO_DATABASE_URL = t.rt.config.databaseUrl;
      await rm(elsewhere, { recursive: true, force: true });
    }
    expect(await head()).toBe(before);
  });
});
