/**
 * Evidence export for the police (issue 10 §4), on both dialects, over real HTTP, with a REAL
 * sealed clip (a small fMP4 from ffmpeg) opened by the file keys 2 of 3 custodian shares unwrap
 * (test/support/evidence-source.ts; the real grant store is wired by the lead). The package
 * verifies; one flipped byte in any file, a removed file, an added file or another key fails,
 * naming the file; the audit entry is committed before the first byte; a refusal writes nothing.
 * The CLI runs in a child process; `age -d` (Debian's binary) opens the encrypted package.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/adapters/evidence/export-key.js';
import { unzipFiles } from '../../src/adapters/evidence/package.js';
import { verifyFiles } from '../../src/adapters/evidence/read-package.js';
import { decryptWithPassphrase } from '../../src/adapters/vault/age-scrypt.js';
import { canonicalJson } from '../../src/core/audit/chain.js';
import type { EvidenceManifest } from '../../src/core/evidence/manifest.js';
import type { VerifyProblem } from '../../src/core/evidence/verify.js';
import { runCliProcess } from '../support/cli-process.js';
import { availableDialects } from '../support/databases.js';
import { evidenceDouble, tinyFmp4, type EvidenceDouble } from '../support/evidence-source.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';

const dialects = await availableDialects();

/** The CLI in a child process, as a user runs it. */
const cli = runCliProcess;

const FILES = [
  'LEESMIJ.txt',
  'clip.mp4',
  'cover.pdf',
  'export-public-key.pem',
  'manifest.json',
  'signature.json',
];
const flip = (b: Buffer, at: number): Buffer => {
  const c = Buffer.from(b);
  c[at] = (c[at] ?? 0) ^ 0x01;
  return c;
};
const filesOf = (p: readonly VerifyProblem[]) => [...new Set(p.map((x) => x.file))];
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(dialects)('evidence export (%s)', (dialect) => {
  let t: TestRuntime;
  let double: EvidenceDouble;
  let content: Buffer;
  let security: { headers: Record<string, string> };
  let securityId: string;
  let orgFingerprint: string;
  let work: string;
  const clipId = `clip-evidence-${dialect}`;

  const exportVia = (grant: string, payload: object = {}, headers = security.headers) =>
    t.app.inject({ method: 'POST', url: `/api/footage/grants/${grant}/export`, headers, payload });
  const exports = async () =>
    (await t.rt.store.read.audit.page({ limit: 50, action: 'clip.exported' })).map((e) => e.details);

  beforeAll(async () => {
    double = evidenceDouble();
    t = await startTestRuntime({
      dialect,
      demo: true,
      listen: true,
      loginAttemptsPerMinute: 1000,
      evidenceSource: double.source,
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-evidence-'));
    content = tinyFmp4();
    const bv = (await t.rt.store.read.users.findByUsername('beveiliging'))!;
    securityId = bv.id;
    security = await loginAs(t.app, 'beveiliging');
    await double.grant(t, {
      grantId: 'grant-1',
      clipId,
      ownerUserId: bv.id,
      ownerName: 'beveiliging',
      content,
    });
    await double.grant(t, {
      grantId: 'grant-view-only',
      clipId: `${clipId}-b`,
      ownerUserId: bv.id,
      ownerName: 'beveiliging',
      content: Buffer.from('x'.repeat(100)),
      export: false,
    });
    const key = await t.app.inject({ method: 'GET', url: '/api/public/evidence-key' });
    expect(key.statusCode).toBe(200);
    orgFingerprint = key.json<{ fingerprint: string }>().fingerprint;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  let zip: Buffer;
  let files: Map<string, Buffer>;

  it('exports a signed ZIP: the original bytes, the manifest with the case and its custody, audited', async () => {
    const res = await exportVia('grant-1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bewijsexport-.+\.zip"$/);
    zip = res.rawPayload;
    files = unzipFiles(zip)!;
    expect([...files.keys()].sort()).toEqual(FILES);
    expect(files.get('clip.mp4')!.equals(content)).toBe(true);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as EvidenceManifest;
    // The bytes are the canonical JSON of what they say: sorted keys, indented.
    expect(files.get('manifest.json')!.toString('utf8')).toBe(
      `${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`,
    );
    const camera = (await t.rt.store.read.cameras.list())[0]!;
    const room = (await t.rt.store.read.rooms.get(camera.roomId))!;
    const site = (await t.rt.store.read.sites.get(room.siteId))!;
    expect(manifest).toMatchObject({
      format: 'proportio-evidence-export/1',
      exportId: res.headers['x-proportio-export-id'],
      organisation: 'Gemeente Lindewaard',
      camera: { id: camera.id, name: camera.name },
      room: { id: room.id, name: room.name },
      site: { id: site.id, name: site.name },
      alarmIds: ['a1'],
      incidentIds: ['i1'],
      permittedBy: { policySeq: 1, assessmentIds: ['a-black-box'] },
      case: { grantId: 'grant-1', legalGround: 'police-report', policeReport: 'PL0900-2026123456' },
      signing: { algorithm: 'Ed25519', publicKeyFingerprint: orgFingerprint },
    });
    const clip = (await t.rt.store.read.audit.page({ limit: 5, subject: `clip:${clipId}` })).length;
    expect(clip).toBeGreaterThan(0);
    expect(manifest.clip.vaultManifestDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.timeRange.timeZone).toBe('Europe/Amsterdam');
    expect(manifest.custody.map((c) => [c.step, c.by])).toEqual([
      ['requested', 'beveiliging'],
      ['approved', 'fg'],
      ['approved', 'secretaris'],
      ['granted', 'system'],
      ['exported', 'Sanne de Vries (beveiliging)'],
    ]);
    expect(manifest.files.find((f) => f.path === 'clip.mp4')).toEqual({
      path: 'clip.mp4',
      sha256: sha256(content),
      bytes: content.length,
      mediaType: 'video/mp4',
    });
    expect(manifest.verification.nl).toContain(orgFingerprint);

    const audited = await t.rt.store.read.audit.page({ limit: 5, action: 'clip.exported' });
    expect(audited[0]).toMatchObject({
      actor: `user:${securityId}`,
      subject: `clip:${clipId}`,
      details: {
        exportId: manifest.exportId,
        grantId: 'grant-1',
        manifestSha256: sha256(files.get('manifest.json')!),
        recipient: 'none',
        keyFingerprint: orgFingerprint,
      },
    });
    expect(res.headers['x-proportio-manifest-sha256']).toBe(sha256(files.get('manifest.json')!));
    // Nothing of the footage or a secret in the audit details.
    expect(JSON.stringify(audited[0]!.details)).not.toContain('passphrase');
  });

  it('the exported clip.mp4 is the playable fMP4 (ffprobe reads its video stream)', () => {
    const f = path.join(work, 'probe.mp4');
    fs.writeFileSync(f, files.get('clip.mp4')!);
    const probe = execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,width',
      '-of',
      'csv=p=0',
      f,
    ]);
    expect(probe.toString().trim()).toBe('h264,160');
  });

  it.runIf(toolsAvailable('evidence cover sheet', 'pdftotext'))(
    'the cover sheet reads in Dutch (and English): the case, the custody, the hashes, how to verify',
    () => {
      const f = path.join(work, 'cover.pdf');
      fs.writeFileSync(f, files.get('cover.pdf')!);
      const text = execFileSync('pdftotext', ['-layout', f, '-']).toString();
      for (const s of [
        'Bewijsexport camerabeelden',
        'Bewaarketen / Chain of custody',
        'geëxporteerd / exported',
        'PL0900-2026123456',
        'aangifte bij de politie',
        'Zo controleert u het pakket',
        sha256(content).slice(0, 16),
        orgFingerprint.slice(0, 16),
      ])
        expect(text).toContain(s);
    },
  );

  it('the export key is kept like the audit anchor’s: mode 0600 in the data folder', () => {
    expect(fs.statSync(path.join(t.dataDir, 'export-signing.key')).mode & 0o777).toBe(0o600);
  });

  it('verifies, and with the organisation’s fingerprint it is trusted', () => {
    const v = verifyFiles(files, orgFingerprint);
    expect(v.ok && v.trusted).toBe(true);
  });

  it.each(FILES)('one flipped byte in %s, at its start, middle or end, fails naming that file', (name) => {
    const original = files.get(name)!;
    for (const at of [0, Math.floor(original.length / 2), original.length - 1]) {
      const tampered = new Map(files);
      tampered.set(name, flip(original, at));
      const v = verifyFiles(tampered, orgFingerprint);
      expect(v.ok, `${name} @${at}`).toBe(false);
      if (!v.ok) expect(filesOf(v.problems), `${name} @${at}`).toContain(name);
    }
  });

  it.each(FILES)('a removed %s fails as missing', (name) => {
    const without = new Map(files);
    without.delete(name);
    const v = verifyFiles(without);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems).toContainEqual({ kind: 'missing', file: name });
  });

  it('an added file is reported, by name', () => {
    const more = new Map(files);
    more.set('extra/note.txt', Buffer.from('added later'));
    const v = verifyFiles(more);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems).toEqual([{ kind: 'extra', file: 'extra/note.txt' }]);
  });

  it('a package re-signed with another key holds together, but is not the organisation’s', () => {
    const other = generateKeyPairSync('ed25519');
    const pem = Buffer.from(other.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const fp = fingerprintOf(other.publicKey);
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      signing: { publicKeyFingerprint: string };
      files: { path: string; sha256: string; bytes: number }[];
    };
    m.signing.publicKeyFingerprint = fp;
    const pemEntry = m.files.find((f) => f.path === 'export-public-key.pem')!;
    pemEntry.sha256 = sha256(pem);
    pemEntry.bytes = pem.length;
    const manifest = Buffer.from(`${JSON.stringify(m, null, 2)}\n`);
    const signature = Buffer.from(
      JSON.stringify({
        format: 'proportio-evidence-export/1',
        algorithm: 'Ed25519',
        signedFile: 'manifest.json',
        signedFileSha256: sha256(manifest),
        publicKeyFingerprint: fp,
        signature: sign(null, manifest, other.privateKey).toString('base64'),
      }),
    );
    const forged = new Map(files);
    forged.set('manifest.json', manifest);
    forged.set('signature.json', signature);
    forged.set('export-public-key.pem', pem);
    const alone = verifyFiles(forged);
    expect(alone.ok && alone.trusted).toBe(false); // valid in itself, trusted by nobody
    const v = verifyFiles(forged, orgFingerprint);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems).toEqual([
        { kind: 'untrusted-key', file: 'export-public-key.pem', expected: orgFingerprint, actual: fp },
      ]);
    // Only the signature swapped for another key's: the signature is named.
    const swapped = new Map(files);
    swapped.set(
      'signature.json',
      Buffer.from(
        signature
          .toString()
          .replaceAll(fp, orgFingerprint)
          .replace(sha256(manifest), sha256(files.get('manifest.json')!)),
      ),
    );
    const s = verifyFiles(swapped, orgFingerprint);
    expect(!s.ok && s.problems).toEqual([{ kind: 'bad-signature', file: 'signature.json' }]);
  });

  it('the audit entry is committed before the first byte of the package reaches the client', async () => {
    const before = (await exports()).length;
    const res = await fetch(`${t.url!}/api/footage/grants/grant-1/export`, {
      method: 'POST',
      headers: { ...security.headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    const now = await exports();
    expect(now.length).toBe(before + 1);
    expect(now[0]).toMatchObject({ exportId: res.headers.get('x-proportio-export-id') });
    await reader.cancel();
  });

  it('when the audit entry cannot be committed, no byte of the package is sent', async () => {
    const db = t.rt.database.db;
    if (dialect === 'sqlite')
      await sql`CREATE TRIGGER block_export BEFORE INSERT ON audit_log WHEN NEW.action = 'clip.exported'
        BEGIN SELECT RAISE(ABORT, 'blocked by the test'); END`.execute(db);
    else {
      await sql`CREATE FUNCTION block_export() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'blocked by the test'; END $$`.execute(db);
      await sql`CREATE TRIGGER block_export BEFORE INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.action = 'clip.exported') EXECUTE FUNCTION block_export()`.execute(db);
    }
    try {
      const before = (await exports()).length;
      const res = await exportVia('grant-1');
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.rawPayload.includes(Buffer.from('manifest.json'))).toBe(false);
      expect((await exports()).length).toBe(before);
    } finally {
      if (dialect === 'sqlite') await sql`DROP TRIGGER block_export`.execute(db);
      else {
        await sql`DROP TRIGGER block_export ON audit_log`.execute(db);
        await sql`DROP FUNCTION block_export()`.execute(db);
      }
    }
  });

  it('refuses when the source refuses (not for export, not yours, unknown), reading and writing nothing', async () => {
    const before = (await exports()).length;
    const reads = double.reads();
    const notForExport = await exportVia('grant-view-only');
    expect(notForExport.statusCode).toBe(403);
    expect(notForExport.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const fg = await loginAs(t.app, 'fg');
    const notYours = await exportVia('grant-1', {}, fg.headers);
    expect(notYours.statusCode).toBe(404);
    expect((await exportVia('no-such-grant')).statusCode).toBe(404);
    const auditor = await loginAs(t.app, 'auditor');
    expect((await exportVia('grant-1', {}, auditor.headers)).statusCode).toBe(403);
    const badRecipient = await exportVia('grant-1', { recipient: 'age1notakey' });
    expect(badRecipient.statusCode).toBe(422);
    expect(badRecipient.json()).toMatchObject({ code: 'EVIDENCE.RECIPIENT_INVALID' });
    const shortPassphrase = await exportVia('grant-1', { passphrase: 'short' });
    expect(shortPassphrase.json()).toMatchObject({ code: 'EVIDENCE.RECIPIENT_INVALID' });
    const both = await exportVia('grant-1', { recipient: 'age1x', passphrase: 'long enough passphrase' });
    expect(both.statusCode).toBe(400);
    expect(double.reads()).toBe(reads);
    expect((await exports()).length).toBe(before);
  });

  it('encrypted to a passphrase: one age file that opens to the same verifiable ZIP', async () => {
    const res = await exportVia('grant-1', { passphrase: 'Een lange wachtzin voor de politie' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.zip\.age"$/);
    expect(res.rawPayload.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const opened = await decryptWithPassphrase('Een lange wachtzin voor de politie', res.rawPayload);
    expect(opened.ok).toBe(true);
    const v = verifyFiles(unzipFiles(opened.ok ? opened.value : Buffer.alloc(0))!, orgFingerprint);
    expect(v.ok).toBe(true);
    expect((await exports())[0]).toMatchObject({ recipient: 'passphrase' });
  });

  it('the transparency page publishes the export key’s fingerprint', async () => {
    const room = (await t.rt.store.read.rooms.list())[0]!;
    const page = await t.app.inject({ method: 'GET', url: `/api/public/rooms/${room.id}/privacy` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(orgFingerprint);
    expect(page.body).toContain('/api/public/evidence-key');
    const pem = files.get('export-public-key.pem')!.toString('utf8').split('\n')[1]!;
    expect(page.body).toContain(pem);
  });

  describe.runIf(dialect === dialects[0] && toolsAvailable('evidence export', 'age', 'age-keygen'))(
    'through the CLI (child process) and Debian’s age',
    () => {
      let token: string;
      const env = () => ({ PROPORTIO_URL: t.url!, PROPORTIO_TOKEN: token, PROPORTIO_DATA_DIR: t.dataDir });
      beforeAll(async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: security.headers,
          payload: { name: 'bewijsexport' },
        });
        expect(res.statusCode, res.body).toBe(201);
        token = res.json<{ token: string }>().token;
      });

      it('export clip --zip writes the folder and the ZIP; export verify passes on both, fails naming a changed file', async () => {
        const out = path.join(work, 'cli-out');
        const r = await cli(['export', 'clip', '--grant', 'grant-1', '--out', out, '--zip', '--json'], env());
        expect(r.code, r.stderr).toBe(0);
        const written = (JSON.parse(r.stdout) as { written: string[] }).written;
        const [folder, zipFile] = written as [string, string];
        expect(fs.readdirSync(folder).sort()).toEqual(FILES);
        expect(zipFile).toMatch(/\.zip$/);
        const keyFile = path.join(work, 'org.pem');
        const key = await cli(['export', 'key', '--json'], env());
        expect(key.code, key.stderr).toBe(0);
        const k = JSON.parse(key.stdout) as { fingerprint: string; pem: string };
        expect(k.fingerprint).toBe(orgFingerprint);
        fs.writeFileSync(keyFile, k.pem);

        const okFolder = await cli(['export', 'verify', folder, '--key', keyFile]);
        expect(okFolder.code, okFolder.stderr + okFolder.stdout).toBe(0);
        expect(okFolder.stdout).toContain('IN ORDE / VALID');
        const okZip = await cli(['export', 'verify', zipFile, '--fingerprint', orgFingerprint]);
        expect(okZip.code, okZip.stderr).toBe(0);

        // Verification needs no database and no server: another data folder, no URL.
        fs.writeFileSync(
          path.join(folder, 'clip.mp4'),
          flip(fs.readFileSync(path.join(folder, 'clip.mp4')), 100),
        );
        fs.rmSync(path.join(folder, 'cover.pdf'));
        fs.writeFileSync(path.join(folder, 'notes.txt'), 'added');
        const bad = await cli(['export', 'verify', folder, '--fingerprint', orgFingerprint], {
          PROPORTIO_DATA_DIR: path.join(work, 'elsewhere'),
          PROPORTIO_URL: 'http://127.0.0.1:9',
        });
        expect(bad.code).toBe(1);
        expect(bad.stdout).toContain('clip.mp4: SHA-256 klopt niet');
        expect(bad.stdout).toContain('cover.pdf: missing from the package');
        expect(bad.stdout).toContain('notes.txt: not in the manifest');
        expect(bad.stderr).toContain('EVIDENCE.VERIFY_FAILED');
        expect(fs.existsSync(path.join(work, 'elsewhere'))).toBe(false);
      }, 120_000);

      it('--to-recipient writes only the .zip.age, which `age -d` opens to a package that verifies', async () => {
        const keyFile = path.join(work, 'politie.key');
        execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
        const recipient = execFileSync('age-keygen', ['-y', keyFile]).toString().trim();
        const out = path.join(work, 'age-out');
        const r = await cli(
          ['export', 'clip', '--grant', 'grant-1', '--out', out, '--to-recipient', recipient],
          env(),
        );
        expect(r.code, r.stderr).toBe(0);
        const names = fs.readdirSync(out);
        expect(names).toHaveLength(1);
        expect(names[0]).toMatch(/\.zip\.age$/);
        const zipFile = path.join(work, 'opened.zip');
        execFileSync('age', ['-d', '-i', keyFile, '-o', zipFile, path.join(out, names[0]!)]);
        const v = await cli(['export', 'verify', zipFile, '--fingerprint', orgFingerprint]);
        expect(v.code, v.stdout + v.stderr).toBe(0);
        const encrypted = await cli(['export', 'verify', path.join(out, names[0]!)]);
        expect(encrypted.code).toBe(66);
        expect(encrypted.stderr).toContain('age -d');
      }, 120_000);

      it('a refused export writes nothing', async () => {
        const out = path.join(work, 'refused');
        const r = await cli(['export', 'clip', '--grant', 'grant-view-only', '--out', out], env());
        expect(r.code).toBe(77);
        expect(r.stderr).toContain('AUTH.FORBIDDEN');
        expect(fs.existsSync(out)).toBe(false);
      }, 60_000);
    },
  );
});
