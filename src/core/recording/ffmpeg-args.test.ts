import { describe, expect, it } from 'vitest';
import {
  SECRET_INPUT_PROTOCOLS,
  buildIngestCommand,
  redactArgs,
  redactUrl,
  secretInputScript,
} from './ffmpeg-args.js';

/** The argv only (most cases have no secret, so no fd-3 script). */
const buildIngestArgs = (o: Parameters<typeof buildIngestCommand>[0]) => {
  const r = buildIngestCommand(o);
  if (!r.ok) return r;
  expect(r.value.secretInput).toBeNull();
  return { ok: true as const, value: r.value.args };
};

const TAIL = [
  '-sn',
  '-dn',
  '-f',
  'mp4',
  '-movflags',
  '+frag_keyframe+empty_moov+default_base_moof',
  '-flush_packets',
  '1',
  'pipe:1',
];
const HEAD = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+warning'];

describe('buildIngestArgs', () => {
  it('RTSP camera with credentials: the argv names only pipe:3, the URL goes to fd 3 (never in ps)', () => {
    const r = buildIngestCommand({
      url: 'rtsp://admin:s3cret@10.0.0.5:554/stream1',
      transport: 'tcp',
      audio: false,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        args: [
          ...HEAD,
          '-protocol_whitelist',
          'pipe,rtsp,rtsps,rtp,tcp,udp,tls,http,https',
          '-f',
          'concat',
          '-safe',
          '0',
          '-i',
          'pipe:3',
          '-map',
          '0:v:0',
          '-c:v',
          'copy',
          '-an',
          ...TAIL,
        ],
        secretInput: [
          'ffconcat version 1.0',
          "file 'rtsp://admin:s3cret@10.0.0.5:554/stream1'",
          'option rtsp_transport tcp',
          'option timeout 10000000',
          '',
        ].join('\n'),
      },
    });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.args.join(' ')).not.toMatch(/s3cret|admin/);
    expect(SECRET_INPUT_PROTOCOLS).not.toContain('file');
  });

  it('a secret query parameter also travels on fd 3; quotes in the URL cannot end the file directive', () => {
    const r = buildIngestCommand({ url: "http://cam/v.cgi?password=it's", audio: false });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.args).toContain('pipe:3');
    expect(r.value.args.join(' ')).not.toContain("it's");
    expect(r.value.secretInput).toBe(
      "ffconcat version 1.0\nfile 'http://cam/v.cgi?password=it'\\''s'\noption rw_timeout 10000000\n",
    );
    expect(secretInputScript('rtsp://a/b', [])).toBe("ffconcat version 1.0\nfile 'rtsp://a/b'\n");
    expect(buildIngestCommand({ url: 'rtsp://u:p@cam/s', audio: false, inputFormat: 'rtsp' }).ok).toBe(false);
  });

  it('RTSP camera without credentials: TCP and socket timeout as plain input options', () => {
    expect(buildIngestArgs({ url: 'rtsp://10.0.0.5:554/stream1', audio: false })).toEqual({
      ok: true,
      value: [
        ...HEAD,
        '-rtsp_transport',
        'tcp',
        '-timeout',
        '10000000',
        '-i',
        'rtsp://10.0.0.5:554/stream1',
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        '-an',
        ...TAIL,
      ],
    });
  });

  it('audio allowed: the first audio track (if any) as AAC, video still copied', () => {
    const r = buildIngestArgs({ url: 'rtsp://cam/s', audio: true, timeoutSeconds: 5 });
    expect(r).toEqual({
      ok: true,
      value: [
        ...HEAD,
        '-rtsp_transport',
        'tcp',
        '-timeout',
        '5000000',
        '-i',
        'rtsp://cam/s',
        '-map',
        '0:v:0',
        '-map',
        '0:a:0?',
        '-c:v',
        'copy',
        '-c:a',
        'aac',
        '-b:a',
        '64k',
        ...TAIL,
      ],
    });
  });

  it('other network inputs get -rw_timeout; files may be replayed in real time and looped', () => {
    expect(buildIngestArgs({ url: 'tcp://127.0.0.1:9000', audio: false })).toEqual({
      ok: true,
      value: [
        ...HEAD,
        '-rw_timeout',
        '10000000',
        '-i',
        'tcp://127.0.0.1:9000',
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        '-an',
        ...TAIL,
      ],
    });
    expect(
      buildIngestArgs({
        url: '/tmp/source.ts',
        audio: false,
        realtime: true,
        loop: true,
        inputFormat: 'mpegts',
      }),
    ).toEqual({
      ok: true,
      value: [
        ...HEAD,
        '-re',
        '-stream_loop',
        '-1',
        '-f',
        'mpegts',
        '-i',
        '/tmp/source.ts',
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        '-an',
        ...TAIL,
      ],
    });
  });

  it('never contains an encoder for video or an output file', () => {
    const r = buildIngestArgs({ url: 'rtsp://cam/s', audio: true });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value[r.value.indexOf('-c:v') + 1]).toBe('copy');
    expect(r.value.at(-1)).toBe('pipe:1');
    expect(r.value.filter((a) => a.startsWith('/'))).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['-y', 'option injection'],
    ['rtsp://cam/s\r\nSET_PARAMETER', 'control characters'],
    [' rtsp://cam/s', 'surrounding space'],
  ])('refuses %j (%s)', (url) => {
    const r = buildIngestCommand({ url, audio: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('RECORDING.INVALID_SOURCE');
  });

  it('refuses absurd timeouts and odd input format names', () => {
    expect(buildIngestArgs({ url: 'rtsp://c/s', audio: false, timeoutSeconds: 0 }).ok).toBe(false);
    expect(buildIngestArgs({ url: 'rtsp://c/s', audio: false, timeoutSeconds: Number.NaN }).ok).toBe(false);
    expect(buildIngestArgs({ url: 'x', audio: false, inputFormat: 'lavfi -y' }).ok).toBe(false);
  });
});

describe('redactArgs', () => {
  it('hides user, password and secret query parameters, keeps host and path', () => {
    expect(redactUrl('rtsp://admin:p%40ss@10.0.0.5:554/Streaming/101?token=abc&channel=1')).toBe(
      'rtsp://***@10.0.0.5:554/Streaming/101?token=***&channel=1',
    );
    expect(redactUrl('http://cam/video.cgi?user=x&password=hunter2')).toBe(
      'http://cam/video.cgi?user=x&password=***',
    );
    expect(redactArgs(['-i', 'rtsp://u:pw@cam/s'])).toEqual(['-i', 'rtsp://***@cam/s']);
  });
});
