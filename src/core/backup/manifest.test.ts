import { describe, expect, it } from 'vitest';
import {
  contentsProblem,
  migrationsProblem,
  parseManifest,
  safeRelativePath,
  type BackupManifest,
} from './manifest.js';

const H = 'a'.repeat(64);
const good = {
  format: 'proportio-backup',
  version: 1,
  createdAt: '2026-12-06T05:00:00.000Z',
  database: { dialect: 'sqlite', migrations: ['0001-foundation'], auditHead: { seq: 3, hash: H } },
  masterKeySha256: H,
  files: [
    { path: 'database.sqlite', role: 'database', bytes: 10, sha256: H },
    {
      path: 'vault/clips/c1/part-0.age',
      role: 'vault',
      vaultPath: 'clips/c1/part-0.age',
      bytes: 5,
      sha256: H,
    },
  ],
};
const parse = (v: unknown) => parseManifest(JSON.stringify(v));

describe('backup manifest', () => {
  it('reads a good manifest', () => {
    const r = parse(good);
    expect(r.ok && r.value.files).toHaveLength(2);
  });

  it.each([
    ['not JSON', 'nope', 'BACKUP.FOREIGN'],
    ['another format', JSON.stringify({ ...good, format: 'x' }), 'BACKUP.FOREIGN'],
    ['another version', JSON.stringify({ ...good, version: 2 }), 'BACKUP.FOREIGN'],
    ['no files', JSON.stringify({ ...good, files: undefined }), 'BACKUP.DAMAGED'],
    [
      'a path out of the folder',
      JSON.stringify({ ...good, files: [good.files[0], { ...good.files[1], path: '../x' }] }),
      'BACKUP.DAMAGED',
    ],
    [
      'a vault path out of the vault',
      JSON.stringify({ ...good, files: [good.files[0], { ...good.files[1], vaultPath: 'clips/../../x' }] }),
      'BACKUP.DAMAGED',
    ],
    [
      'an absolute path',
      JSON.stringify({ ...good, files: [good.files[0], { ...good.files[1], path: '/etc/passwd' }] }),
      'BACKUP.DAMAGED',
    ],
    ['a file twice', JSON.stringify({ ...good, files: [good.files[0], good.files[0]] }), 'BACKUP.DAMAGED'],
    ['SQLite without its database', JSON.stringify({ ...good, files: [good.files[1]] }), 'BACKUP.DAMAGED'],
    [
      'PostgreSQL with a database file',
      JSON.stringify({ ...good, database: { ...good.database, dialect: 'postgres' } }),
      'BACKUP.DAMAGED',
    ],
    [
      'a bad digest',
      JSON.stringify({ ...good, files: [{ ...good.files[0], sha256: 'xyz' }] }),
      'BACKUP.DAMAGED',
    ],
  ])('refuses %s', (_what, text, code) => {
    const r = parseManifest(text);
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it('holds the folder against the manifest: missing, changed, extra', () => {
    const m = (parse(good) as { ok: true; value: BackupManifest }).value;
    const all = new Map([
      ['database.sqlite', { bytes: 10, sha256: H }],
      ['vault/clips/c1/part-0.age', { bytes: 5, sha256: H }],
    ]);
    expect(contentsProblem(m, all)).toBeNull();
    const missing = new Map(all);
    missing.delete('database.sqlite');
    expect(contentsProblem(m, missing)?.detail).toContain('database.sqlite is missing');
    expect(
      contentsProblem(m, new Map([...all, ['database.sqlite', { bytes: 10, sha256: 'b'.repeat(64) }]]))
        ?.detail,
    ).toContain('changed');
    expect(contentsProblem(m, new Map([...all, ['extra', { bytes: 1, sha256: H }]]))?.detail).toContain(
      'extra is not in the manifest',
    );
  });

  it('accepts an earlier release, refuses a newer one or another order', () => {
    expect(migrationsProblem(['a', 'b'], ['a', 'b', 'c'])).toBeNull();
    expect(migrationsProblem(['a', 'b', 'x'], ['a', 'b', 'c'])?.code).toBe('BACKUP.NEWER_RELEASE');
    expect(migrationsProblem(['b', 'a'], ['a', 'b'])?.code).toBe('BACKUP.DAMAGED');
  });

  it('keeps paths inside their folder', () => {
    for (const p of ['a', 'a/b.age', 'clips/x/part-0.age']) expect(safeRelativePath(p), p).toBe(true);
    for (const p of ['', '/a', '../a', 'a/../b', 'a//b', './a', 'a\\b', 'a\0b'])
      expect(safeRelativePath(p), p).toBe(false);
  });
});
