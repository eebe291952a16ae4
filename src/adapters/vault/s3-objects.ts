/**
 * The vault on S3-compatible storage (issue 13 §3, ADR 0014): the same objects as on a folder,
 * under `<prefix><clipId>/<name>` in one bucket. Endpoint, region and credentials come from the
 * usual AWS environment and config files, read by the SDK itself.
 *
 * Complete or nothing: an S3 object becomes visible only when its PutObject, or the
 * CompleteMultipartUpload of a multipart upload, has succeeded; until then no reader and no
 * listing sees any of it. Small objects (every part a recorder seals, every manifest) go up in one
 * PutObject; from PART_BYTES on, as a multipart upload that is aborted on any failure. An upload
 * a dead writer left behind is invisible and is aborted by recoverClip (clearIncomplete), by
 * removeClip, and at open() once it is a day old; stores that cannot list uploads (s3rver, some
 * appliances) need a lifecycle rule for that (docs/recording.md, "Vault on S3").
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectWrite, VaultObjects } from './vault-objects.js';

/** Below this an object goes up in one PutObject; S3 needs at least 5 MiB for every part but the last. */
export const PART_BYTES = 8 * 1024 * 1024;
/** No writer keeps a part open this long: an older unfinished upload is a dead writer's. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
const MANIFEST = 'manifest.json';

export interface S3VaultLocation {
  readonly bucket: string;
  /** '' or a prefix without leading and with trailing slash ("site-a/clips/"). */
  readonly prefix: string;
}

/** Whether the bucket can enforce legal holds itself (S3 Object Lock), and why not. */
export type ObjectLockSupport =
  { readonly supported: true } | { readonly supported: false; readonly reason: string };

export interface S3VaultObjects extends VaultObjects {
  /** Known after open(): Object Lock on the bucket, or the reason it is not there. */
  objectLock(): ObjectLockSupport;
  /** Sets or lifts an S3 legal hold on every object of a clip; false when the bucket has no Object Lock. */
  setLegalHold(clipId: string, on: boolean): Promise<boolean>;
}

const statusOf = (e: unknown): number | undefined =>
  (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const nameOf = (e: unknown): string | undefined => (e as { name?: unknown }).name as string | undefined;

/** Refused because the store does not implement the call at all (s3rver answers 501 or 405). */
const notImplemented = (e: unknown): boolean =>
  nameOf(e) === 'NotImplemented' || statusOf(e) === 501 || statusOf(e) === 405;

/**
 * An S3 failure as the clip store understands failures: 'ENOENT' for a missing object, the
 * socket's errno for a store that cannot be reached, 'S3:<name>' otherwise (→ VAULT.IO_FAILED).
 */
const s3Failure = (e: unknown, what: string): Error => {
  const errno = (e as { code?: unknown }).code;
  const code =
    nameOf(e) === 'NoSuchKey' || nameOf(e) === 'NotFound' || statusOf(e) === 404
      ? 'ENOENT'
      : typeof errno === 'string'
        ? errno
        : `S3:${nameOf(e) ?? 'Error'}`;
  const message = e instanceof Error ? e.message : String(e);
  return Object.assign(new Error(`${what}: ${message}`), { code, cause: e });
};

const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    throw s3Failure(e, what);
  }
};

/** Parses a prefix as given in s3://bucket/prefix into the form keys are built from. */
export const normalisePrefix = (raw: string): string => {
  const p = raw.replace(/^\/+|\/+$/g, '');
  return p === '' ? '' : `${p}/`;
};

export const s3Objects = (
  client: S3Client,
  location: S3VaultLocation,
  options: { partBytes?: number } = {},
): S3VaultObjects => {
  const { bucket, prefix } = location;
  const partBytes = Math.max(options.partBytes ?? PART_BYTES, 5 * 1024 * 1024);
  const keyOf = (clipId: string, name: string) => `${prefix}${clipId}/${name}`;
  let versioned = false;
  let lock: ObjectLockSupport = { supported: false, reason: 'the vault has not been opened yet' };

  /** Every key under a prefix, paginated. */
  const keysUnder = async (under: string): Promise<string[]> => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: under, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys;
  };

  /** Every version and delete marker under a prefix (versioned buckets keep old bytes otherwise). */
  const versionsUnder = async (under: string): Promise<Array<{ key: string; versionId: string }>> => {
    const out: Array<{ key: string; versionId: string }> = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await client.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: under,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
        if (v.Key !== undefined && v.VersionId !== undefined)
          out.push({ key: v.Key, versionId: v.VersionId });
      if (page.IsTruncated !== true) return out;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
  };

  /** Aborts unfinished uploads under a prefix (older than `olderThan`, if given); a store that cannot list them is left to its lifecycle rule. */
  const abortUploads = async (under: string, olderThan?: Date): Promise<void> => {
    let keyMarker: string | undefined;
    let idMarker: string | undefined;
    for (;;) {
      let page;
      try {
        page = await client.send(
          new ListMultipartUploadsCommand({
            Bucket: bucket,
            Prefix: under,
            KeyMarker: keyMarker,
            UploadIdMarker: idMarker,
          }),
        );
      } catch (e) {
        if (notImplemented(e)) return;
        throw e;
      }
      for (const u of page.Uploads ?? []) {
        if (u.Key === undefined || u.UploadId === undefined) continue;
        if (olderThan !== undefined && u.Initiated !== undefined && u.Initiated > olderThan) continue;
        await client.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
        );
      }
      if (page.IsTruncated !== true) return;
      keyMarker = page.NextKeyMarker;
      idMarker = page.NextUploadIdMarker;
    }
  };

  const detectVersioning = async (): Promise<boolean> => {
    try {
      const v = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
      return v.Status === 'Enabled' || v.Status === 'Suspended';
    } catch (e) {
      if (notImplemented(e)) return false;
      throw e;
    }
  };

  const detectObjectLock = async (): Promise<ObjectLockSupport> => {
    try {
      const c = await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
      return c.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled'
        ? { supported: true }
        : { supported: false, reason: 'Object Lock is not enabled on the bucket' };
    } catch (e) {
      if (nameOf(e) === 'ObjectLockConfigurationNotFoundError')
        return { supported: false, reason: 'Object Lock is not enabled on the bucket' };
      if (notImplemented(e)) return { supported: false, reason: 'the store does not implement Object Lock' };
      throw e;
    }
  };

  /** Uploads one object; visible only when the single PutObject or the multipart completion succeeded. */
  const upload = async (key: string, produce: (write: ObjectWrite) => Promise<void>): Promise<void> => {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const done: Array<{ PartNumber: number; ETag: string | undefined }> = [];
    const sendPart = async () => {
      const body = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      if (uploadId === undefined) {
        const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
        uploadId = created.UploadId;
        if (uploadId === undefined) throw new Error('the store returned no upload id');
      }
      const PartNumber = done.length + 1;
      const r = await client.send(
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber, Body: body }),
      );
      done.push({ PartNumber, ETag: r.ETag });
    };
    try {
      await produce(async (buffers) => {
        for (const b of buffers) {
          if (b.length === 0) continue;
          pending.push(Buffer.from(b));
          pendingBytes += b.length;
        }
        if (pendingBytes >= partBytes) await sendPart();
      });
      if (uploadId === undefined) {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.concat(pending) }));
        return;
      }
      if (pendingBytes > 0) await sendPart();
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: done },
        }),
      );
    } catch (e) {
      // Never completed, so never visible; aborting frees the stored pieces (best effort: recovery retries).
      if (uploadId !== undefined) {
        const id = uploadId;
        await client
          .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id }))
          .catch(() => undefined);
      }
      throw e;
    }
  };

  return {
    location: `s3://${bucket}/${prefix}`,
    open: () =>
      attempt(`open s3://${bucket}/${prefix}`, async () => {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
        versioned = await detectVersioning();
        lock = await detectObjectLock();
        await abortUploads(prefix, new Date(Date.now() - STALE_UPLOAD_MS));
      }),
    // Not atomic on S3 (a listing, then the manifest): clip ids are unique ids from the service.
    // One page without MaxKeys: s3rver fails on a truncated page, and a clip has few objects.
    claim: async (clipId) => {
      const first = await attempt('claim the clip', () =>
        client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: keyOf(clipId, '') })),
      );
      if ((first.Contents ?? []).length > 0)
        throw Object.assign(new Error('a clip with this id exists'), { code: 'EEXIST' });
    },
    unclaim: async () => undefined,
    put: (clipId, name, produce) => upload(keyOf(clipId, name), produce),
    get: (clipId, name) =>
      attempt(`read ${name}`, async () => {
        const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(clipId, name) }));
        if (r.Body === undefined) return Buffer.alloc(0);
        return Buffer.from(await r.Body.transformToByteArray());
      }),
    stream: (clipId, name) => ({
      [Symbol.asyncIterator]: async function* () {
        let body: AsyncIterable<Uint8Array>;
        try {
          const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(clipId, name) }));
          body = (r.Body ?? []) as AsyncIterable<Uint8Array>;
        } catch (e) {
          throw s3Failure(e, `read ${name}`);
        }
        try {
          for await (const piece of body) yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        } catch (e) {
          throw s3Failure(e, `read ${name}`);
        }
      },
    }),
    list: (clipId) =>
      attempt('list the clip', async () => {
        const under = keyOf(clipId, '');
        const names = (await keysUnder(under)).map((k) => k.slice(under.length));
        if (names.length === 0) throw Object.assign(new Error('no such clip'), { code: 'ENOENT' });
        return names;
      }),
    clips: () =>
      attempt('list the vault', async () => {
        const ids: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              Delimiter: '/',
              ContinuationToken: token,
            }),
          );
          for (const p of page.CommonPrefixes ?? [])
            if (p.Prefix !== undefined) ids.push(p.Prefix.slice(prefix.length, -1));
          token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        return ids;
      }),
    clearIncomplete: (clipId) => attempt('abort unfinished uploads', () => abortUploads(keyOf(clipId, ''))),
    removeClip: (clipId) =>
      attempt('delete the clip', async () => {
        const under = keyOf(clipId, '');
        await abortUploads(under);
        const doomed = versioned
          ? await versionsUnder(under)
          : (await keysUnder(under)).map((key) => ({ key, versionId: undefined }));
        if (doomed.length === 0) throw Object.assign(new Error('no such clip'), { code: 'ENOENT' });
        // The manifest last: a deletion cut short leaves a clip that lists as damaged and is deleted again.
        const manifest = keyOf(clipId, MANIFEST);
        const order = [
          ...doomed.filter((d) => d.key !== manifest),
          ...doomed.filter((d) => d.key === manifest),
        ];
        for (const d of order)
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: d.key, VersionId: d.versionId }));
      }),
    objectLock: () => lock,
    setLegalHold: async (clipId, on) => {
      if (!lock.supported) return false;
      await attempt('set the legal hold', async () => {
        for (const key of await keysUnder(keyOf(clipId, '')))
          await client.send(
            new PutObjectLegalHoldCommand({
              Bucket: bucket,
              Key: key,
              LegalHold: { Status: on ? 'ON' : 'OFF' },
            }),
          );
      });
      return true;
    },
  };
};
