/**
 * The ffmpeg argument list for one camera's ingest, built as a pure function and tested as an
 * exact argv (ARCHITECTURE.md §5): stream copy only, fragmented MP4 on stdout, never a file.
 *
 * Camera credentials never go into the argv (local users can read any process's argv in `ps` and
 * /proc/<pid>/cmdline). ffmpeg 5.1 has no RTSP password option, so a URL that carries a secret is
 * handed over as a one-line ffconcat script on file descriptor 3 (`-f concat -safe 0 -i pipe:3`,
 * the per-input options as `option` directives, ffmpeg ≥ 5.0): the argv names only `pipe:3`.
 */
import { err, ok, type Result } from '../result.js';

export interface IngestArgsOptions {
  /** rtsp://user:pass@host/path, or any input ffmpeg reads (tests use files and lavfi). */
  readonly url: string;
  /** RTSP transport; only TCP is supported (UDP loses packets and cannot pass most firewalls). */
  readonly transport?: 'tcp';
  /** Keep the first audio track; the policy must allow audio. */
  readonly audio: boolean;
  /** Network read/connect timeout; the supervisor restarts on expiry. Default 10 s. */
  readonly timeoutSeconds?: number;
  /** Input demuxer, e.g. 'lavfi' or 'mpegts' (tests and benchmarks). */
  readonly inputFormat?: string;
  /** Read a file at its native frame rate (`-re`), to play a file as if it were a camera. */
  readonly realtime?: boolean;
  /** Loop a file input forever (`-stream_loop -1`). */
  readonly loop?: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;

const hasControlChars = (s: string): boolean =>
  [...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 || c === 0x7f;
  });

const NETWORK_SCHEMES = new Set(['http', 'https', 'tcp', 'udp', 'rtmp', 'rtmps', 'srt', 'tls']);

const schemeOf = (url: string): string | null => {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m?.[1] === undefined ? null : m[1].toLowerCase();
};

/** The protocols ffmpeg may open behind the pipe: the pipe itself and camera transports only. */
export const SECRET_INPUT_PROTOCOLS = 'pipe,rtsp,rtsps,rtp,tcp,udp,tls,http,https';

export interface IngestCommand {
  /** The argv without the program name: never a credential. */
  readonly args: readonly string[];
  /**
   * The ffconcat script with the URL and its credentials, to be written to ffmpeg's fd 3 and
   * closed (memory and a pipe only); null when the URL carries no secret.
   */
  readonly secretInput: string | null;
}

/** A URL carries a secret when redaction would change it (user:pass@ or a secret query parameter). */
export const carriesSecret = (url: string): boolean => redactUrl(url) !== url;

/** ffconcat quoting (av_get_token): inside '…' everything is literal, so ' becomes '\''. */
const concatQuote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/** The ffconcat script that opens one URL with its input options (`option key value`). */
export const secretInputScript = (url: string, options: readonly (readonly [string, string])[]): string =>
  [
    'ffconcat version 1.0',
    `file ${concatQuote(url)}`,
    ...options.map(([k, v]) => `option ${k} ${v}`),
    '',
  ].join('\n');

/**
 * Returns the argv (without the program name) and, for a URL with credentials, the script that
 * carries it on fd 3. Log the argv through {@link redactArgs} all the same.
 */
export const buildIngestCommand = (o: IngestArgsOptions): Result<IngestCommand> => {
  const url = o.url.trim();
  // A control character or leading dash could smuggle extra options or protocol commands.
  if (url === '' || url !== o.url || url.startsWith('-') || hasControlChars(url)) {
    return err('RECORDING.INVALID_SOURCE', 'The camera address is empty or contains forbidden characters');
  }
  const timeout = o.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 300) {
    return err('RECORDING.INVALID_SOURCE', 'The timeout must be between 0 and 300 seconds', {
      timeoutSeconds: timeout,
    });
  }
  const micros = String(Math.round(timeout * 1_000_000));
  const scheme = schemeOf(url);
  const urlOptions: [string, string][] = [];
  if (scheme === 'rtsp' || scheme === 'rtsps') {
    // For the RTSP demuxer `-timeout` is the socket I/O timeout (ffmpeg ≥ 5; was -stimeout).
    urlOptions.push(['rtsp_transport', o.transport ?? 'tcp'], ['timeout', micros]);
  } else if (scheme !== null && NETWORK_SCHEMES.has(scheme)) {
    urlOptions.push(['rw_timeout', micros]);
  }
  const secret = carriesSecret(url);
  if (secret && (o.inputFormat !== undefined || o.loop === true)) {
    return err('RECORDING.INVALID_SOURCE', 'A camera address with credentials cannot take an input format');
  }
  const input: string[] = secret
    ? ['-protocol_whitelist', SECRET_INPUT_PROTOCOLS, '-f', 'concat', '-safe', '0']
    : urlOptions.flatMap(([k, v]) => [`-${k}`, v]);
  if (o.realtime === true) input.push('-re');
  if (o.loop === true) input.push('-stream_loop', '-1');
  if (o.inputFormat !== undefined) {
    if (!/^[a-z0-9_,]+$/.test(o.inputFormat)) {
      return err('RECORDING.INVALID_SOURCE', 'The input format name is not valid', {
        inputFormat: o.inputFormat,
      });
    }
    input.push('-f', o.inputFormat);
  }

  const streams = o.audio
    ? // Cameras often send G.711 or PCM, which MP4 cannot hold: AAC is always playable and cheap.
      ['-map', '0:v:0', '-map', '0:a:0?', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '64k']
    : ['-map', '0:v:0', '-c:v', 'copy', '-an'];

  const args = [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    // "[error] …" prefixes make stderr classifiable (health) without parsing banners.
    '-loglevel',
    'level+warning',
    ...input,
    '-i',
    secret ? 'pipe:3' : url,
    ...streams,
    '-sn',
    '-dn',
    '-f',
    'mp4',
    // One fragment per GOP, init segment first, offsets relative to each moof: splittable in memory.
    '-movflags',
    '+frag_keyframe+empty_moov+default_base_moof',
    '-flush_packets',
    '1',
    'pipe:1',
  ];
  return ok({ args, secretInput: secret ? secretInputScript(url, urlOptions) : null });
};

const SECRET_PARAMS = /([?&;](?:password|passwd|pass|pwd|token|auth|key|secret)=)[^&;#\s]*/gi;

/** Replaces URL credentials (user:pass@ and secret query parameters) for logs and errors. */
export const redactUrl = (s: string): string =>
  s.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@').replace(SECRET_PARAMS, '$1***');

export const redactArgs = (args: readonly string[]): string[] => args.map(redactUrl);
