/**
 * The vault's disk fills up (a real 16 MiB tmpfs as the vault folder; issue 10 §3). Below the
 * free-space floor the recorder refuses new parts (VAULT.DISK_FULL, the clip can still close),
 * the red health item `vault.disk-full` appears and every camera is blocked; nothing is deleted to
 * make room — a held clip stays with every file, a clip not yet past retention too — and the item
 * clears by itself once space returns. Needs root to mount: skipped loudly otherwise, a failure on
 * CI. Both dialects (the database stays on the normal disk).
 */
import { readdir, truncate, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVaultFs, openClipStore, openClipWriter } from '../../src/adapters/vault/clip-store.js';
import { vaultFreeBytes, withFreeSpaceFloor } from '../../src/adapters/vault/disk-floor.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { recordingModule } from '../support/recorder.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { canMountTmpfs, mountTmpfs, type Tmpfs } from '../support/tmpfs.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { SYSTEM } from '../support/two-sites.js';

const dialects = await availableDialects();
const mountable = await canMountTmpfs();
const HOUR = 3_600_000;
const MB = 1024 * 1024;

describe.skipIf(!mountable).each(dialects)('vault disk full (real tmpfs, %s)', (dialect) => {
  let fs: Tmpfs;
  let t: TestRuntime;
  let rec: RecordingModule;
  let clipsDir: string;
  let at = Date.parse('2026-03-04T10:00:00Z');
  const clock = { now: () => new Date(at) };
  const identity = generateIdentity();
  const filler = () => path.join(fs.dir, 'filler');
  const codes = () => rec.health().map((i) => `${i.code}:${i.status}`);

  beforeAll(async () => {
    fs = await mountTmpfs('16m');
    const vaultDir = path.join(fs.dir, 'vault');
    await mkdir(vaultDir, { recursive: true });
    await writeFile(path.join(vaultDir, 'recipient.txt'), `${identity.recipient.text}\n`);
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock,
      env: { PROPORTIO_MQTT_PORT: '-1', PROPORTIO_VAULT_DIR: vaultDir, PROPORTIO_VAULT_MIN_FREE_MB: '1' },
    });
    rec = recordingModule(t);
    clipsDir = path.join(vaultDir, 'clips');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await fs?.unmount();
  });

  it('below the floor: new parts refused, red health item, nothing deleted for space; clears when space returns', async () => {
    const content = Buffer.alloc(200_000, 1);
    await sealTestClip(t, 'held', identity.recipient.text, content, clipsDir);
    await sealTestClip(t, 'old', identity.recipient.text, content, clipsDir);
    const hold = await rec.holds.place(SYSTEM, 'held', { reason: 'aangifte', until: '2026-04-01' });
    expect(hold.ok, JSON.stringify(hold)).toBe(true);
    at += 48 * HOUR;
    await sealTestClip(t, 'young', identity.recipient.text, content, clipsDir);

    await rec.reconcile();
    expect(codes()).not.toContain('vault.disk-full:error');

    // Fill the disk, then free a little: below the 1 MB floor, not quite zero.
    fs.fill('filler');
    const { size } = await stat(filler());
    await truncate(filler(), size - 600 * 1024);
    const free = (await vaultFreeBytes(clipsDir))!;
    expect(free).toBeGreaterThan(500 * 1024);
    expect(free).toBeLessThan(MB);

    await rec.reconcile();
    expect(codes()).toContain('vault.disk-full:error');
    const item = rec.health().find((i) => i.code === 'vault.disk-full');
    expect(item?.params).toMatchObject({ freeMb: 0, floorMb: 1 });
    // Shown to those who can free space (the administrator), not to the front desk (core/health.ts).
    const healthOf = async (user: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/health',
          headers: (await loginAs(t.app, user)).headers,
        })
      ).body;
    expect(await healthOf('beheer')).toContain('vault.disk-full');
    expect(await healthOf('balie')).not.toContain('vault.disk-full');

    // The recorder's file system refuses a new part below the floor; the clip still closes cleanly.
    let refused = 0;
    const guarded = await openClipStore(clipsDir, {
      fs: withFreeSpaceFloor(nodeVaultFs, {
        floorBytes: () => MB,
        freeBytes: vaultFreeBytes,
        onRefused: () => (refused += 1),
      }),
    });
    if (!guarded.ok) throw new Error(guarded.error.message);
    const w = await openClipWriter(guarded.value, 'during-full', identity.recipient);
    if (!w.ok) throw new Error(w.error.message);
    const part = await w.value.writePart(Buffer.alloc(1000, 2));
    expect(part.ok ? 'ok' : part.error.code).toBe('VAULT.DISK_FULL');
    expect(refused).toBe(1);
    expect((await w.value.close()).ok).toBe(true);
    expect((await readdir(path.join(clipsDir, 'during-full'))).filter((f) => f.endsWith('.age'))).toEqual([]);

    // Retention runs as always (old is past its 72 h); nothing else goes, the held clip least of all.
    at += 30 * HOUR;
    const swept = await rec.sweepRetention();
    expect(swept.deleted).toEqual(['old']);
    for (const id of ['held', 'young'])
      expect(
        (await readdir(path.join(clipsDir, id))).filter((f) => f.endsWith('.age')),
        id,
      ).toHaveLength(2);
    expect((await rec.service.getClip('held'))?.status).toBe('sealed');

    // Space returns: the item clears at the next reconcile, without a restart.
    await unlink(filler());
    await rec.reconcile();
    expect(codes()).not.toContain('vault.disk-full:error');
  });
});
