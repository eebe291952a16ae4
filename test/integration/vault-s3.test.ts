/**
 * The vault on S3 (issue 13 §3) in the real runtime, against a real S3 server (s3rver), the real
 * recorder (ffmpeg, the GStreamer RTSP camera) and Debian's `age`: PROPORTIO_VAULT_URL=s3://…
 * with the endpoint, region and credentials in the usual AWS variables, read by the SDK itself. A
 * missing bucket is a health item (recording refused), not a crash, and clears once the bucket
 * exists; an alarm seals a clip into the bucket whose parts `age -d` opens into an MP4 ffprobe
 * accepts; the recipient stays local and no clip byte lands in the data folder; retention leaves
 * no object under the clip's prefix. SQLite only: the database plays no part in where clips live.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/adapters/media/ffprobe.js';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import {
  recordingModule,
  startConversation,
  storePolicyVersion,
  tuneForTests,
  useDemoCamera,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '../support/s3-server.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const hasTools = toolsAvailable('vault on S3', 'ffmpeg', 'ffprobe', 'age');
const run = promisify(execFile);
const BUCKET = 'proportio-e2e';
const PREFIX = 'site-a/clips/';

describe.skipIf(!hasTools)('vault on S3 (recorder → bucket → age)', () => {
  let s3: S3Server;
  let client: S3Client;
  let t: TestRuntime;
  let rec: RecordingModule;
  let cam: RtspCamera;
  let work: string;
  let identityFile: string;
  let roomId: string;
  let balie: Awaited<ReturnType<typeof loginAs>>['headers'];
  const saved: Record<string, string | undefined> = {};

  const keys = async (under = PREFIX) =>
    ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: under }))).Contents ?? []).map(
      (o) => o.Key!,
    );
  const vaultItem = () => rec.health().find((h) => h.code.startsWith('vault.'));

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'proportio-s3-vault-'));
    s3 = await startS3Server();
    client = s3.client();
    // What an operator sets for the SDK; Proportio's config only learns that an endpoint exists.
    const aws = {
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    };
    for (const [k, v] of Object.entries(aws)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    t = await startTestRuntime({
      demo: true,
      env: {
        PROPORTIO_MQTT_PORT: '-1',
        PROPORTIO_VAULT_URL: `s3://${BUCKET}/${PREFIX}`,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
      },
    });
    rec = recordingModule(t);
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    let typeId: string;
    ({ roomId, typeId } = await useDemoCamera(t, { port: cam.port, enable: true }));
    const identity = generateIdentity();
    identityFile = path.join(work, 'vault-identity.txt');
    await writeIdentityFile(identityFile, identity);
    // The recipient stays in the local vault folder, as with a folder vault.
    await mkdir(path.join(t.dataDir, 'vault'), { recursive: true });
    await writeFile(path.join(t.dataDir, 'vault', 'recipient.txt'), `${identity.recipient.text}\n`);
    balie = (await loginAs(t.app, 'balie')).headers;
    tuneForTests(rec, { backoff: { initialMs: 300, maxMs: 1500, factor: 2 } });
    await rec.start();
    await storePolicyVersion(t, testPolicy(roomId, typeId, { pre: 3, post: 2 }), 900);
    await startConversation(t, balie, roomId, typeId);
    await rec.reconcile();
  });

  afterAll(async () => {
    await rec?.stop();
    await cam?.stop();
    await t?.close();
    await s3?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await rm(work, { recursive: true, force: true });
  });

  it('a missing bucket is the health item vault.unavailable and nothing is armed; it clears once the bucket exists', async () => {
    expect(vaultItem()).toMatchObject({
      code: 'vault.unavailable',
      status: 'error',
      message: expect.stringContaining('the vault bucket cannot be opened (VAULT.IO_FAILED'),
    });
    expect(rec.supervisor.status().every((c) => !c.armed)).toBe(true);

    await s3.createBucket(BUCKET);
    await rec.reconcile();
    expect(vaultItem()).toBeUndefined();
    await waitFor('armed', () => rec.supervisor.status().some((c) => c.armed));
  });

  it('an alarm seals a clip into the bucket; Debian age opens every part into an MP4 ffprobe accepts; nothing lands locally', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/alarms', headers: balie, payload: { roomId } });
    expect(r.statusCode, r.body).toBe(201);
    const alarm = r.json<{ alarm: { id: string } }>().alarm;
    const clip = await waitFor(
      'a sealed clip',
      async () => {
        await rec.supervisor.settled();
        return (await rec.service.listClips({ alarmId: alarm.id })).find((c) => c.status === 'sealed');
      },
      120_000,
    );
    const objects = (await keys(`${PREFIX}${clip.id}/`)).sort();
    const parts = objects.filter((k) => k.endsWith('.age'));
    expect(objects).toEqual([`${PREFIX}${clip.id}/manifest.json`, ...parts]);
    expect(parts.length).toBe(clip.parts);
    expect(parts.every((k) => /\/part-\d{6}\.age$/.test(k))).toBe(true);

    const plain: Buffer[] = [];
    for (const [i, key] of parts.entries()) {
      const body = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      const file = path.join(work, `part-${i}.age`);
      await writeFile(file, Buffer.from(await body.Body!.transformToByteArray()));
      const { stdout } = await run('age', ['-d', '-i', identityFile, file], {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
      });
      plain.push(stdout);
    }
    expect(Buffer.concat(plain).length).toBe(clip.bytes);
    const mp4 = path.join(work, 'clip.mp4');
    await writeFile(mp4, Buffer.concat(plain));
    const probe = await probeMedia(mp4);
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value.firstVideoFrame).toEqual({ keyframe: true, ptsSeconds: 0 });

    // Only the recipient is in the local vault folder: no clips folder, no part, no manifest.
    expect(await readdir(path.join(t.dataDir, 'vault'))).toEqual(['recipient.txt']);
  });

  it('retention deletes every object under the clip’s prefix', async () => {
    const clip = (await rec.service.listClips({})).find((c) => c.status === 'sealed')!;
    expect((await keys(`${PREFIX}${clip.id}/`)).length).toBeGreaterThan(1);
    await sql`UPDATE clips SET retention_until = ${new Date(Date.now() - 1000).toISOString()} WHERE id = ${clip.id}`.execute(
      t.rt.database.db,
    );
    const swept = await rec.sweepRetention();
    expect(swept.deleted).toContain(clip.id);
    expect(await keys(`${PREFIX}${clip.id}/`)).toEqual([]);
    expect(await rec.service.getClip(clip.id)).toMatchObject({
      status: 'deleted',
      deletedReason: 'retention',
    });
  });
});
