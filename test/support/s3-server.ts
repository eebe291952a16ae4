/**
 * A real S3 server for tests: s3rver, in this process, on a free port, storing under a fresh temp
 * folder (so a test can also look at what reached its disk, multipart pieces included).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface S3Server {
  readonly endpoint: string;
  /** Where s3rver keeps buckets, objects and unfinished uploads. */
  readonly dir: string;
  /** A client as Proportio makes one for a custom endpoint: path style, any credentials. */
  client(): S3Client;
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

/** s3rver accepts any key pair; these are the ones its documentation uses. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A client for s3rver at `endpoint`, as Proportio makes one for a custom endpoint (also for child processes). */
export const s3rverClient = (endpoint: string): S3Client =>
  new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });

export const startS3Server = async (): Promise<S3Server> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    vhostBuckets: false,
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  const client = () => {
    const c = s3rverClient(endpoint);
    clients.push(c);
    return c;
  };
  return {
    endpoint,
    dir,
    client,
    createBucket: async (name) => {
      const c = client();
      await c.send(new CreateBucketCommand({ Bucket: name }));
    },
    close: async () => {
      for (const c of clients) c.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
