/**
 * Which store the clip vault runs on (issue 13 §3): the configured folder, or an S3-compatible
 * bucket through one S3Client per process. The SDK finds endpoint (AWS_ENDPOINT_URL_S3,
 * AWS_ENDPOINT_URL), region and credentials in the usual AWS environment and files itself.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { VaultStoreConfig } from '../config.js';
import { s3Objects, type S3VaultObjects } from '../adapters/vault/s3-objects.js';
import { folderObjects, type VaultFs, type VaultObjects } from '../adapters/vault/vault-objects.js';

const buckets = new Map<string, S3VaultObjects>();

/** The S3 store for a bucket configuration, made once per process (it keeps what open() learnt). */
export const s3VaultObjects = (store: Extract<VaultStoreConfig, { kind: 's3' }>): S3VaultObjects => {
  const key = `${store.bucket}/${store.prefix}/${String(store.forcePathStyle)}`;
  let objects = buckets.get(key);
  if (objects === undefined) {
    objects = s3Objects(new S3Client({ forcePathStyle: store.forcePathStyle }), store);
    buckets.set(key, objects);
  }
  return objects;
};

/** Where openClipStore should look: a folder (through `fs`, e.g. with the free-space floor) or the bucket. */
export const vaultObjects = (store: VaultStoreConfig, fs?: VaultFs): VaultObjects =>
  store.kind === 'folder' ? folderObjects(store.path, fs) : s3VaultObjects(store);
