/**
 * The last step of the recorder's promise: a clip sealed into the vault, opened with Debian's
 * `age -d`, plays in Chromium. Footage: ffmpeg's synthetic camera (burnt-in frame counter) through
 * the real ingest and clip recorder, sealed by the same VaultClipSink the recorder module uses.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClipStore } from '../../src/adapters/vault/clip-store.js';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import { VaultClipSink } from '../../src/workers/recorder-vault-sink.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import { armCamera, sourceFile } from '../support/ffmpeg-source.js';
import { toolsAvailable } from '../support/tools.js';

const run = promisify(execFile);
const hasBrowser = chromiumAvailable() && toolsAvailable('clip playback', 'ffmpeg', 'age');

describe.skipIf(!hasBrowser)('a decrypted clip plays in Chromium', () => {
  let dir: string;
  let browser: Browser | undefined;
  let server: http.Server | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-playback-'));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await rm(dir, { recursive: true, force: true });
  });

  it('record → seal → age -d → <video> reaches readyState ≥ 2 with a duration', async () => {
    const src = await sourceFile({ width: 640, height: 360, fps: 25, gopSeconds: 1, seconds: 20, kbps: 800 });
    const cam = armCamera({
      source: { url: src, audio: false, inputFormat: 'mpegts', realtime: true, loop: true },
      clip: { preRollSeconds: 2, postRollSeconds: 2 },
    });
    cam.start();
    try {
      await cam.waitFor('pre-roll', () => cam.rec.ring.spanSeconds >= 2);
      cam.rec.alarm(Date.now());
      await cam.waitFor('clip', () => cam.clips[0]?.meta !== null && cam.clips[0]?.meta !== undefined);
    } finally {
      await cam.stop();
    }
    const captured = cam.clips[0]!;
    const identity = generateIdentity();
    const idFile = path.join(dir, 'identity.txt');
    await writeIdentityFile(idFile, identity);
    const store = await openClipStore(path.join(dir, 'vault'));
    if (!store.ok) throw new Error(store.error.message);
    const sink = new VaultClipSink({
      store: store.value,
      recipient: identity.recipient,
      clipId: 'playback',
      now: Date.now,
      onDone: () => undefined,
    });
    for (const c of captured.chunks) sink.write(c);
    sink.end(captured.meta!);
    const outcome = await sink.finished;
    expect(outcome.ok).toBe(true);

    const parts = (await readdir(path.join(dir, 'vault', 'playback')))
      .filter((f) => f.endsWith('.age'))
      .sort();
    const plain: Buffer[] = [];
    for (const p of parts) {
      const { stdout } = await run('age', ['-d', '-i', idFile, path.join(dir, 'vault', 'playback', p)], {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      });
      plain.push(stdout);
    }
    const mp4 = path.join(dir, 'clip.mp4');
    await writeFile(mp4, Buffer.concat(plain));

    server = http.createServer((req, res) => {
      if (req.url === '/clip.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        createReadStream(mp4).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<!doctype html><title>clip</title><video id="v" src="/clip.mp4" muted preload="auto"></video>',
      );
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(
      () => {
        const v = document.getElementById('v') as HTMLVideoElement | null;
        return v !== null && (v.readyState >= 2 || v.error !== null);
      },
      undefined,
      { timeout: 45_000 },
    );
    const state = await page.evaluate(() => {
      const v = document.getElementById('v') as HTMLVideoElement;
      return {
        readyState: v.readyState,
        duration: v.duration,
        error: v.error?.code ?? null,
        width: v.videoWidth,
      };
    });
    expect(state.error).toBeNull();
    expect(state.readyState).toBeGreaterThanOrEqual(2);
    expect(state.duration).toBeGreaterThan(0);
    expect(state.width).toBe(640);
  });
});
