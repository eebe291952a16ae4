/**
 * `proportio backup` and `restore` as an operator runs them, each a child process on a real
 * SQLite store: demo data, a vault under 2-of-3 custody (shares sealed to the custodians' age
 * keys) and a sealed clip → backup → the data folder wiped (the master key kept apart, as
 * docs/operations.md asks) → restore → `audit verify` passes, also against the backup's anchors →
 * `clip decrypt` with two custodians' shares still gives the clip. Then every bad input: a clear
 * error and the installation unchanged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/adapters/auth/password-hasher.js';
import { generateIdentity, writeIdentityFile, type AgeIdentity } from '../../src/adapters/vault/keys.js';
import { loadConfig } from '../../src/config.js';
import { createRuntime, packageRoot } from '../../src/main.js';
import { runCliProcess } from '../support/cli-process.js';
import { sealTestClip } from '../support/sealed-clip.js';
import type { TestRuntime } from '../support/test-runtime.js';

const CLIP = 'clip-backup';
const CONTENT = Buffer.from(`pretend MP4 ${'0123456789abcdef'.repeat(5000)}`);

/** Every file under `dir` with its SHA-256: what "changes nothing" is held against. */
const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
};

describe('backup and restore (SQLite, child processes)', () => {
  let work: string;
  let dataDir: string;
  let env: Record<string, string>;
  const keys: Record<string, { identity: AgeIdentity; file: string }> = {};
  const cli = (...args: string[]) => runCliProcess(args, env);
  const backupDir = () => path.join(work, 'backup');
  const copyOfBackup = (name: string) => {
    const to = path.join(work, name);
    fs.cpSync(backupDir(), to, { recursive: true });
    return to;
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-backup-'));
    dataDir = path.join(work, 'data');
    env = { PROPORTIO_DATA_DIR: dataDir, PROPORTIO_MQTT_PORT: '-1' };
    delete process.env.PROPORTIO_DATABASE_URL;
    for (const name of ['fg', 'secretaris', 'beveiliging']) {
      const identity = generateIdentity();
      const file = path.join(work, `${name}.key`);
      const w = await writeIdentityFile(file, identity);
      if (!w.ok) throw new Error(w.error.message);
      keys[name] = { identity, file };
    }
    const demo = await cli('demo');
    expect(demo.code, demo.stderr).toBe(0);
    const init = await cli(
      'vault',
      'init',
      ...Object.entries(keys).flatMap(([n, k]) => ['--custodian', `${n}=${k.identity.recipient.text}`]),
      '--json',
    );
    expect(init.code, init.stderr).toBe(0);
    const recipient = (JSON.parse(init.stdout) as { recipient: string }).recipient;
    // The recorder's part: a clip sealed to the vault and recorded as sealed; then the head anchored.
    const config = loadConfig({ ...env, PROPORTIO_LOG_LEVEL: 'silent' }, work, packageRoot());
    const rt = await createRuntime(config, {
      logger: false,
      hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    });
    try {
      await sealTestClip({ rt, dataDir } as unknown as TestRuntime, CLIP, recipient, CONTENT);
      expect((await rt.services.audit.anchor()).written).toBeDefined();
    } finally {
      await rt.cluster.close();
      await rt.close();
    }
  });

  afterAll(() => {
    for (const k of Object.values(keys)) k.identity.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up, is wiped, restores: the audit chain verifies and the clip still opens', async () => {
    const b = await cli('backup', '--out', backupDir(), '--json');
    expect(b.code, b.stderr).toBe(0);
    const made = JSON.parse(b.stdout) as { files: number; clips: number; auditHead: { seq: number } };
    expect(made.clips).toBeGreaterThan(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir(), 'manifest.json'), 'utf8')) as {
      files: Array<{ path: string; role: string }>;
      masterKeySha256: string;
    };
    expect(manifest.files.map((f) => f.role).sort()).toEqual(
      expect.arrayContaining(['anchor-public-key', 'anchors', 'database', 'vault']),
    );
    // No secret key of any kind is in the archive: not the master key, not the anchor key.
    const masterKey = fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8').trim();
    const anchorKey = fs.readFileSync(path.join(dataDir, 'audit-anchor.key'), 'utf8');
    const anchorKeyBody = anchorKey.split('\n')[1]!;
    for (const f of [...manifest.files.map((x) => x.path), 'manifest.json']) {
      const bytes = fs.readFileSync(path.join(backupDir(), f));
      expect(bytes.includes(masterKey), `${f} holds the master key`).toBe(false);
      expect(bytes.includes(anchorKeyBody), `${f} holds the anchor key`).toBe(false);
      expect(bytes.includes('PRIVATE KEY'), `${f} holds a private key`).toBe(false);
      expect(bytes.includes('AGE-SECRET-KEY'), `${f} holds an age identity`).toBe(false);
    }
    expect(manifest.masterKeySha256).toBe(
      createHash('sha256').update(Buffer.from(masterKey, 'base64')).digest('hex'),
    );

    // The machine is lost; the operator kept the master key apart from the backups.
    const keptMasterKey = path.join(work, 'kept-master.key');
    fs.copyFileSync(path.join(dataDir, 'master.key'), keptMasterKey);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.copyFileSync(keptMasterKey, path.join(dataDir, 'master.key'));

    const r = await cli('restore', '--from', backupDir(), '--json');
    expect(r.code, r.stderr).toBe(0);
    const restored = JSON.parse(r.stdout) as {
      restored: number;
      anchors: { file: string; publicKey: string; live: boolean };
    };
    expect(restored.restored).toBe(made.files);
    // The anchor key was not kept: the backup's anchors lie beside the new file, with their key.
    expect(restored.anchors.live).toBe(false);

    const verify = await cli('audit', 'verify', '--json');
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const v = JSON.parse(verify.stdout) as { ok: boolean; checked: number };
    expect(v.ok).toBe(true);
    // The restore is itself in the chain, one entry after the backup's head.
    expect(v.checked).toBe(made.auditHead.seq + 1);
    const against = await cli(
      'audit',
      'verify',
      '--anchor',
      restored.anchors.file,
      '--anchor-key',
      restored.anchors.publicKey,
      '--json',
    );
    expect(against.code, against.stdout + against.stderr).toBe(0);
    expect((JSON.parse(against.stdout) as { anchor: { anchors: number } }).anchor.anchors).toBeGreaterThan(0);

    const out = path.join(work, 'opened.mp4');
    const decrypt = await cli(
      'clip',
      'decrypt',
      CLIP,
      '--out',
      out,
      '--reason',
      'Hersteltest na terugzetten reservekopie',
      '--share-of',
      'fg',
      '--share-identity',
      keys.fg!.file,
      '--share-of',
      'secretaris',
      '--share-identity',
      keys.secretaris!.file,
    );
    expect(decrypt.code, decrypt.stderr).toBe(0);
    expect(fs.readFileSync(out).equals(CONTENT)).toBe(true);
  });

  it('refuses damaged, foreign and newer archives and a data folder in use, changing nothing', async () => {
    const before = snapshot(dataDir);
    const refused = async (from: string, code: string, exit: number, ...extra: string[]) => {
      const r = await cli('restore', '--from', from, ...extra);
      expect(r.code, `${code}: ${r.stderr}`).toBe(exit);
      expect(r.stderr).toContain(code);
      expect(snapshot(dataDir)).toEqual(before);
      return r;
    };
    await refused(path.join(work, 'nowhere'), 'BACKUP.NOT_FOUND', 66);
    const empty = path.join(work, 'empty');
    fs.mkdirSync(empty);
    await refused(empty, 'BACKUP.FOREIGN', 65);
    const foreign = copyOfBackup('foreign');
    fs.writeFileSync(path.join(foreign, 'manifest.json'), '{"format":"something-else"}');
    await refused(foreign, 'BACKUP.FOREIGN', 65, '--force');

    // A sealed clip part with one byte flipped.
    const flipped = copyOfBackup('flipped');
    const manifest = JSON.parse(fs.readFileSync(path.join(flipped, 'manifest.json'), 'utf8')) as {
      files: Array<{ path: string; role: string; vaultPath?: string }>;
      database: { migrations: string[] };
    };
    const part = manifest.files.find((f) => f.vaultPath?.startsWith('clips/'))!;
    const bytes = fs.readFileSync(path.join(flipped, part.path));
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(path.join(flipped, part.path), bytes);
    const damaged = await refused(flipped, 'BACKUP.DAMAGED', 65, '--force');
    expect(damaged.stderr).toContain(part.path);

    const missing = copyOfBackup('missing');
    fs.rmSync(path.join(missing, 'database.sqlite'));
    await refused(missing, 'BACKUP.DAMAGED', 65, '--force');
    const extra = copyOfBackup('extra');
    fs.writeFileSync(path.join(extra, 'vault', 'smuggled'), 'x');
    await refused(extra, 'BACKUP.DAMAGED', 65, '--force');

    // A manifest that would write outside the vault folder.
    const escape = copyOfBackup('escape');
    const edited = {
      ...manifest,
      files: manifest.files.map((f) => (f === part ? { ...f, vaultPath: '../../evil' } : f)),
    };
    fs.writeFileSync(path.join(escape, 'manifest.json'), JSON.stringify(edited));
    await refused(escape, 'BACKUP.DAMAGED', 65, '--force');

    const newer = copyOfBackup('newer');
    const later = {
      ...manifest,
      database: { ...manifest.database, migrations: [...manifest.database.migrations, '9999-future'] },
    };
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify(later));
    await refused(newer, 'BACKUP.NEWER_RELEASE', 65, '--force');

    // The restored installation holds data now: only --force replaces it.
    const inUse = await refused(backupDir(), 'BACKUP.TARGET_NOT_EMPTY', 73);
    expect(inUse.stderr).toContain('proportio.sqlite');

    // The master key: another one, or none, is refused (camera credentials would be unreadable).
    const masterKey = path.join(dataDir, 'master.key');
    const kept = fs.readFileSync(masterKey);
    fs.writeFileSync(masterKey, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    const other = snapshot(dataDir);
    const mismatch = await cli('restore', '--from', backupDir(), '--force');
    expect(mismatch.code).toBe(65);
    expect(mismatch.stderr).toContain('BACKUP.MASTER_KEY_MISMATCH');
    expect(snapshot(dataDir)).toEqual(other);
    fs.writeFileSync(masterKey, kept);

    // Another output folder that is in use.
    const out = await cli('backup', '--out', backupDir());
    expect(out.code).toBe(73);
    expect(out.stderr).toContain('BACKUP.OUT_EXISTS');
  });

  it('--force moves what is there aside and restores; nothing is deleted', async () => {
    const r = await cli('restore', '--from', backupDir(), '--force', '--json');
    expect(r.code, r.stderr).toBe(0);
    const { setAside } = JSON.parse(r.stdout) as { setAside: string[] };
    for (const p of setAside) expect(fs.existsSync(p), p).toBe(true);
    expect(setAside.some((p) => p.includes('proportio.sqlite.before-restore-'))).toBe(true);
    const asideVault = setAside.find((p) => p.includes('vault.before-restore-'))!;
    expect(fs.readdirSync(path.join(asideVault, 'clips')).length).toBeGreaterThan(0);
    expect((await cli('audit', 'verify')).code).toBe(0);
  });
});
