import { describe, expect, it } from 'vitest';
import { parseVaultLocation } from './vault-location.js';

const resolve = (p: string) => (p.startsWith('/') ? p : `/srv/proportio/${p}`);
const parse = (raw: string) => parseVaultLocation(raw, resolve);

describe('PROPORTIO_VAULT_URL', () => {
  it.each([
    ['/var/lib/proportio/clips', { kind: 'folder', path: '/var/lib/proportio/clips' }],
    ['data/clips', { kind: 'folder', path: '/srv/proportio/data/clips' }],
    ['file:///mnt/vault', { kind: 'folder', path: '/mnt/vault' }],
    ['s3://proportio-vault', { kind: 's3', bucket: 'proportio-vault', prefix: '' }],
    ['s3://proportio-vault/', { kind: 's3', bucket: 'proportio-vault', prefix: '' }],
    ['s3://proportio-vault/site-a/clips', { kind: 's3', bucket: 'proportio-vault', prefix: 'site-a/clips/' }],
    ['S3://my.bucket.nl//a//b/', { kind: 's3', bucket: 'my.bucket.nl', prefix: 'a/b/' }],
  ])('%s', (raw, location) => {
    expect(parse(raw)).toEqual({ location });
  });

  it.each([
    ['', 'is empty'],
    ['https://s3.example.nl/bucket', 'unsupported scheme "https:"'],
    ['gs://bucket/x', 'unsupported scheme "gs:"'],
    ['file://relative/path', 'absolute path'],
    ['s3://', 'no valid bucket'],
    ['s3://ab', 'no valid bucket'],
    ['s3://Upper-Case', 'no valid bucket'],
    ['s3://-dash', 'no valid bucket'],
    ['s3://a..b', 'no valid bucket'],
    ['s3://192.168.1.10/x', 'no valid bucket'],
    [`s3://${'b'.repeat(64)}`, 'no valid bucket'],
    ['s3://AKIA:secret@bucket/x', 'may not hold credentials'],
    ['s3://bucket/x?versionId=1', 'query or fragment'],
    ['s3://bucket/../x', 'prefix part ".."'],
    ['s3://bucket/clips with space', 'prefix part "clips with space"'],
    [`s3://bucket/${'p'.repeat(600)}`, 'longer than 512'],
  ])('refuses %j with a clear message', (raw, why) => {
    const r = parse(raw);
    expect('problem' in r ? r.problem : null).toContain(why);
    expect('problem' in r ? r.problem : '').toMatch(/^PROPORTIO_VAULT_URL .*s3:\/\/bucket\/prefix/);
  });
});
