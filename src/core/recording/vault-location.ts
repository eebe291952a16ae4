/**
 * Where sealed clips live (issue 13 §3): a local folder, or an S3-compatible bucket given as
 * PROPORTIO_VAULT_URL=s3://bucket/prefix. Pure: config.ts reads the variable, this says what it
 * means or exactly what is wrong with it. Credentials never go in the URL; the AWS SDK reads
 * them from its usual environment and files.
 */
export type VaultLocation =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string };

/** S3's rules for bucket names (virtual-host safe): 3–63 of a-z 0-9 . -, letter or digit at both ends, no "..", not an IP. */
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_RE = /^\d+\.\d+\.\d+\.\d+$/;
/** S3's "safe characters" for keys, one folder level at a time. */
const SEGMENT_RE = /^[A-Za-z0-9!_.*'()-]+$/;

/**
 * Parses PROPORTIO_VAULT_URL. A value without a scheme is a folder path (relative to `resolve`'s
 * base); `file://` is a folder too; `s3://bucket[/prefix]` is a bucket. The prefix comes back as ''
 * or with exactly one trailing slash. A bad value gives the problem, for ConfigError.
 */
export const parseVaultLocation = (
  raw: string,
  resolve: (path: string) => string,
): { readonly location: VaultLocation } | { readonly problem: string } => {
  const value = raw.trim();
  const bad = (why: string) => ({
    problem: `PROPORTIO_VAULT_URL ${why} (a folder, or s3://bucket/prefix; got "${value}")`,
  });
  const ok = (location: VaultLocation) => ({ location });
  if (value === '') return bad('is empty');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return ok({ kind: 'folder', path: resolve(value) });
  if (scheme === 'file') {
    const p = decodeURIComponent(value.slice('file://'.length));
    return p.startsWith('/')
      ? ok({ kind: 'folder', path: p })
      : bad('must name an absolute path after file://');
  }
  if (scheme !== 's3') return bad(`has an unsupported scheme "${scheme}:"`);
  const rest = value.slice('s3://'.length);
  if (/[?#]/.test(rest)) return bad('may not have a query or fragment');
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  if (authority.includes('@'))
    return bad('may not hold credentials; they come from the AWS environment or ~/.aws');
  if (!BUCKET_RE.test(authority) || authority.includes('..') || IP_RE.test(authority))
    return bad(`names no valid bucket ("${authority}": 3–63 lowercase letters, digits, dots or hyphens)`);
  const segments = (slash === -1 ? '' : rest.slice(slash + 1)).split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..' || !SEGMENT_RE.test(s))
      return bad(`has a prefix part "${s}" that is not letters, digits or !_.*'()-`);
  }
  const prefix = segments.length === 0 ? '' : `${segments.join('/')}/`;
  if (prefix.length > 512) return bad('has a prefix longer than 512 characters');
  return ok({ kind: 's3', bucket: authority, prefix });
};
