import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { amsterdamTime, buildManifest, manifestBytes, type ManifestInput } from './manifest.js';
import { readmeText } from './readme.js';
import {
  describeProblem,
  parseManifest,
  parseSignatureDocument,
  safeName,
  verifyPackage,
  type FoundFile,
  type PackageFacts,
  type VerifyProblem,
} from './verify.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const FP = 'f'.repeat(64);

describe('amsterdamTime', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T13:00:00+01:00'],
    ['2026-07-01T12:00:00Z', '2026-07-01T14:00:00+02:00'],
    // The spring change: 02:00 local becomes 03:00 at 01:00 UTC.
    ['2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    // The autumn change: 03:00 local becomes 02:00 at 01:00 UTC; the hour 02:xx happens twice.
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
    ['2026-12-31T23:30:00.999Z', '2027-01-01T00:30:00+01:00'],
  ])('%s is %s', (utc, local) => expect(amsterdamTime(utc)).toBe(local));
});

const input = (over: Partial<ManifestInput> = {}): ManifestInput => ({
  exportId: 'exp-1',
  exportedAt: '2026-03-29T09:15:00Z',
  organisation: 'Gemeente Lindewaard',
  clip: {
    id: 'clip-1',
    mode: 'incident',
    codec: 'h264',
    width: 1280,
    height: 720,
    durationSeconds: 84,
    sealedAt: '2026-03-29T00:44:10Z',
    manifestDigest: 'a'.repeat(64),
    startedAt: '2026-03-29T00:42:46Z',
    endedAt: null,
    alarmIds: ['a2', 'a1', 'a2'],
    incidentIds: ['i1'],
    policySeq: 12,
    policyHash: 'b'.repeat(64),
    policyCompiledAt: null,
    assessmentIds: ['as-2', 'as-1'],
  },
  camera: { id: 'cam-1', name: 'Plafond' },
  room: { id: 'room-1', name: 'Spreekkamer 3' },
  site: { id: 'site-1', name: 'Stadhuis' },
  case: {
    requestId: 'r',
    grantId: 'g',
    reason: 'aangifte',
    legalGround: 'police-report',
    policeReport: null,
  },
  custody: [
    { step: 'exported', byId: 'u1', by: 'bv', at: '2026-03-29T09:15:00Z' },
    { step: 'requested', byId: 'u1', by: 'bv', at: '2026-03-29T08:00:00Z' },
  ],
  files: [
    { path: 'cover.pdf', sha256: sha('cover'), bytes: 5, mediaType: 'application/pdf' },
    { path: 'clip.mp4', sha256: sha('clip'), bytes: 4, mediaType: 'video/mp4' },
    { path: 'export-public-key.pem', sha256: sha('pem'), bytes: 3, mediaType: 'application/x-pem-file' },
  ],
  publicKeyFingerprint: FP,
  ...over,
});

describe('buildManifest and manifestBytes', () => {
  it('sorts and de-duplicates ids, orders custody by time and files by name, keeps both clocks', () => {
    const m = buildManifest(input());
    expect(m.alarmIds).toEqual(['a1', 'a2']);
    expect(m.permittedBy.assessmentIds).toEqual(['as-1', 'as-2']);
    expect(m.custody.map((c) => c.step)).toEqual(['requested', 'exported']);
    expect(m.files.map((f) => f.path)).toEqual(['clip.mp4', 'cover.pdf', 'export-public-key.pem']);
    expect(m.timeRange).toEqual({
      timeZone: 'Europe/Amsterdam',
      start: { utc: '2026-03-29T00:42:46.000Z', amsterdam: '2026-03-29T01:42:46+01:00' },
      end: null,
    });
    expect(m.verification.en).toContain(FP);
  });

  it('gives the same bytes for the same manifest, sorted keys, one trailing newline', () => {
    const a = manifestBytes(buildManifest(input()));
    const b = manifestBytes(buildManifest(input({ custody: [...input().custody].reverse() })));
    expect(a.equals(b)).toBe(true);
    const text = a.toString('utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('LEESMIJ names every file, the fingerprint and both languages', () => {
    const r = readmeText(buildManifest(input()));
    for (const s of ['clip.mp4', 'manifest.json', 'signature.json', 'cover.pdf', FP, 'Controleren', 'Verify'])
      expect(r).toContain(s);
  });
});

describe('safeName', () => {
  it.each([
    ['clip.mp4', true],
    ['extra/note.txt', true],
    ['../etc/passwd', false],
    ['/abs', false],
    ['a//b', false],
    ['a\\b', false],
    ['./x', false],
    ['', false],
  ])('%s → %s', (name, ok) => expect(safeName(name)).toBe(ok));
});

/** A consistent package as facts: the manifest lists clip, cover and key; the signature holds. */
const good = () => {
  const m = manifestBytes(buildManifest(input())).toString('utf8');
  const sig = JSON.stringify({
    format: 'proportio-evidence-export/1',
    algorithm: 'Ed25519',
    signedFile: 'manifest.json',
    signedFileSha256: sha(m),
    publicKeyFingerprint: FP,
    signature: `${'A'.repeat(85)}Q==`,
  });
  const files = new Map<string, FoundFile>([
    ['clip.mp4', { sha256: sha('clip'), bytes: 4 }],
    ['cover.pdf', { sha256: sha('cover'), bytes: 5 }],
    ['export-public-key.pem', { sha256: sha('pem'), bytes: 3 }],
    ['manifest.json', { sha256: sha(m), bytes: m.length }],
    ['signature.json', { sha256: sha(sig), bytes: sig.length }],
  ]);
  return {
    files,
    manifestText: m,
    signatureText: sig,
    packageKey: { fingerprint: FP },
    signatureValid: true,
  } satisfies PackageFacts;
};

const problemsOf = (f: PackageFacts): readonly VerifyProblem[] => {
  const v = verifyPackage(f);
  return v.ok ? [] : v.problems;
};
const without = (name: string) => {
  const g = good();
  const files = new Map(g.files);
  files.delete(name);
  return { ...g, files };
};
const changed = (name: string) => {
  const g = good();
  const files = new Map(g.files);
  files.set(name, { sha256: sha('changed'), bytes: 1 });
  return { ...g, files };
};

describe('verifyPackage', () => {
  it('a consistent package with a holding signature verifies; trusted only with an expected key', () => {
    const v = verifyPackage(good());
    expect(v.ok && v.trusted).toBe(false);
    expect(v.ok && v.fingerprint).toBe(FP);
    const t = verifyPackage({ ...good(), expectedFingerprint: FP });
    expect(t.ok && t.trusted).toBe(true);
  });

  const other = 'e'.repeat(64);
  it.each<[string, () => PackageFacts, VerifyProblem[]]>([
    [
      'bad signature',
      () => ({ ...good(), signatureValid: false }),
      [{ kind: 'bad-signature', file: 'signature.json' }],
    ],
    [
      'changed clip',
      () => changed('clip.mp4'),
      [{ kind: 'hash-mismatch', file: 'clip.mp4', expected: sha('clip'), actual: sha('changed') }],
    ],
    [
      'changed manifest',
      () => ({ ...changed('manifest.json'), signatureValid: false }),
      [{ kind: 'manifest-changed', file: 'manifest.json' }],
    ],
    ['missing clip', () => without('clip.mp4'), [{ kind: 'missing', file: 'clip.mp4' }]],
    [
      'missing key',
      () => ({ ...without('export-public-key.pem'), packageKey: undefined, signatureValid: undefined }),
      [{ kind: 'missing', file: 'export-public-key.pem' }],
    ],
    [
      'missing signature',
      () => ({ ...without('signature.json'), signatureText: undefined, signatureValid: undefined }),
      [{ kind: 'missing', file: 'signature.json' }],
    ],
    [
      'missing manifest',
      () => ({ ...without('manifest.json'), manifestText: undefined, signatureValid: undefined }),
      [{ kind: 'missing', file: 'manifest.json' }],
    ],
    [
      'an added file',
      () => ({ ...good(), files: new Map([...good().files, ['x.txt', { sha256: sha('x'), bytes: 1 }]]) }),
      [{ kind: 'extra', file: 'x.txt' }],
    ],
    [
      'a key that is not a key',
      () => ({ ...good(), packageKey: 'invalid' as const, signatureValid: undefined }),
      [{ kind: 'unreadable', file: 'export-public-key.pem', reason: 'not an Ed25519 public key (PEM)' }],
    ],
    [
      'another key in the package',
      () => ({ ...good(), packageKey: { fingerprint: other }, signatureValid: false }),
      [
        { kind: 'key-mismatch', file: 'export-public-key.pem' },
        { kind: 'bad-signature', file: 'signature.json' },
      ],
    ],
    [
      'not the organisation’s key',
      () => ({ ...good(), expectedFingerprint: other }),
      [{ kind: 'untrusted-key', file: 'export-public-key.pem', expected: other, actual: FP }],
    ],
    [
      'an unreadable manifest',
      () => ({ ...good(), manifestText: '{', signatureValid: true }),
      [{ kind: 'unreadable', file: 'manifest.json', reason: 'not a JSON object' }],
    ],
    [
      'an unreadable signature',
      () => ({ ...good(), signatureText: '[]', signatureValid: undefined }),
      [{ kind: 'unreadable', file: 'signature.json', reason: 'not a JSON object' }],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(problemsOf(facts())).toEqual(expected);
  });

  it('lists every problem at once', () => {
    const g = changed('clip.mp4');
    const files = new Map(g.files);
    files.delete('cover.pdf');
    files.set('zz.txt', { sha256: sha('z'), bytes: 1 });
    expect(problemsOf({ ...g, files, signatureValid: false }).map((p) => `${p.kind}:${p.file}`)).toEqual([
      'bad-signature:signature.json',
      'hash-mismatch:clip.mp4',
      'missing:cover.pdf',
      'extra:zz.txt',
    ]);
  });

  it('never calls a package good whose signature was not checked', () => {
    const v = verifyPackage({ ...good(), signatureValid: undefined });
    expect(v.ok).toBe(false);
  });
});

describe('parsing', () => {
  it.each([
    ['{"format":"x"}', 'format is not proportio-evidence-export/1'],
    ['[1]', 'not a JSON object'],
    [
      JSON.stringify({
        format: 'proportio-evidence-export/1',
        exportId: 'e',
        files: [{ path: '../x', sha256: 'a'.repeat(64), bytes: 1 }],
        signing: { publicKeyFingerprint: FP },
      }),
      'a file entry is not {path, sha256, bytes}',
    ],
    [
      JSON.stringify({ format: 'proportio-evidence-export/1', exportId: 'e', files: [] }),
      'no signing.publicKeyFingerprint',
    ],
  ])('manifest %s → %s', (text, reason) => expect(parseManifest(text)).toEqual({ ok: false, reason }));

  it.each([
    [{ algorithm: 'RSA' }, 'algorithm is not Ed25519'],
    [{ algorithm: 'Ed25519', signedFile: 'other.json' }, 'does not sign manifest.json'],
    [{ algorithm: 'Ed25519', signedFile: 'manifest.json', signedFileSha256: 'x' }, 'no signedFileSha256'],
    [
      {
        algorithm: 'Ed25519',
        signedFile: 'manifest.json',
        signedFileSha256: 'a'.repeat(64),
        publicKeyFingerprint: FP,
        signature: 'abc',
      },
      'the signature is not 64 bytes of base64',
    ],
  ])('signature %j → %s', (doc, reason) =>
    expect(parseSignatureDocument(JSON.stringify(doc))).toEqual({ ok: false, reason }),
  );

  it('every problem reads in Dutch and English, naming its file', () => {
    const all: VerifyProblem[] = [
      { kind: 'missing', file: 'a' },
      { kind: 'extra', file: 'b' },
      { kind: 'hash-mismatch', file: 'c', expected: '1', actual: '2' },
      { kind: 'unreadable', file: 'd', reason: 'r' },
      { kind: 'bad-signature', file: 'signature.json' },
      { kind: 'manifest-changed', file: 'manifest.json' },
      { kind: 'key-mismatch', file: 'e' },
      { kind: 'untrusted-key', file: 'export-public-key.pem', expected: '1', actual: '2' },
    ];
    for (const p of all) {
      const d = describeProblem(p);
      expect(d.nl.startsWith(`${p.file}: `)).toBe(true);
      expect(d.en.startsWith(`${p.file}: `)).toBe(true);
      expect(d.nl).not.toBe(d.en);
    }
  });
});
