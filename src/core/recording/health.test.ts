import { describe, expect, it } from 'vitest';
import type { HealthItem } from '../health.js';
import type { Blocker } from './arming.js';
import { recordingHealth, type ObservedCamera, type RecordingObservation } from './health.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const names = {
  sites: new Map([['site-1', 'Stadhuis']]),
  rooms: new Map([['room-1', 'Balie 1']]),
};
const where = { cameraName: 'Cam 1', roomName: 'Balie 1', siteName: 'Stadhuis' };

const calm: RecordingObservation = {
  vault: null,
  ffmpeg: { problem: null, path: '/usr/bin/ffmpeg', version: '6.1', warnings: [] },
  suspensions: [],
  cameras: [],
  names,
};

const online: ObservedCamera = {
  cameraName: 'Cam 1',
  roomId: 'room-1',
  siteId: 'site-1',
  armed: true,
  offKind: null,
  health: { state: 'online', since: NOW - 60_000, error: null, gopSeconds: 1 },
  gopWarning: false,
  preRollSeconds: 30,
  sealError: null,
};
const off = (offKind: ObservedCamera['offKind']): ObservedCamera => ({
  ...online,
  armed: false,
  offKind,
  health: null,
});

const vault = (code: Blocker['code']): Blocker => ({ kind: 'vault-key-missing', code, message: 'no vault' });
const noFfmpeg: Blocker = { kind: 'ffmpeg-missing', code: 'RECORDING.FFMPEG_MISSING', message: 'no ffmpeg' };
const withoutFfmpeg = { problem: noFfmpeg, path: 'ffmpeg', version: null, warnings: [] };

/** The items' code, status and params (the message is free text). */
const coded = (o: Partial<RecordingObservation>) =>
  recordingHealth({ ...calm, ...o }).map(({ code, status, params }: HealthItem) => ({
    code,
    status,
    params,
  }));

describe('recordingHealth', () => {
  const table: [string, Partial<RecordingObservation>, ReturnType<typeof coded>][] = [
    ['nothing armed, nothing wrong → no items', {}, []],
    [
      'the vault adapter says KEY_MISSING → vault.key-missing',
      { vault: vault('VAULT.KEY_MISSING') },
      [{ code: 'vault.key-missing', status: 'error', params: undefined }],
    ],
    [
      'KEY_INVALID → vault.key-invalid',
      { vault: vault('VAULT.KEY_INVALID') },
      [{ code: 'vault.key-invalid', status: 'error', params: undefined }],
    ],
    [
      'the vault folder failed (IO_FAILED) → vault.unavailable',
      { vault: vault('VAULT.IO_FAILED') },
      [{ code: 'vault.unavailable', status: 'error', params: undefined }],
    ],
    [
      'the vault disk below its floor → vault.disk-full (error), in MB, with since',
      {
        vaultDisk: {
          freeBytes: 3 * 1048576 + 5,
          floorBytes: 256 * 1048576,
          since: '2026-12-05T03:00:00.000Z',
        },
      },
      [
        {
          code: 'vault.disk-full',
          status: 'error',
          params: { freeMb: 3, floorMb: 256, since: '2026-12-05T03:00:00.000Z' },
        },
      ],
    ],
    ['space again (null) → no item', { vaultDisk: null }, []],
    [
      'no ffmpeg, the vault disk full and a camera the policy permits → ffmpeg is an error too',
      {
        vaultDisk: { freeBytes: 0, floorBytes: 1048576, since: '2026-12-05T03:00:00.000Z' },
        ffmpeg: withoutFfmpeg,
        cameras: [off('vault-disk-full')],
      },
      [
        {
          code: 'vault.disk-full',
          status: 'error',
          params: { freeMb: 0, floorMb: 1, since: '2026-12-05T03:00:00.000Z' },
        },
        { code: 'ffmpeg.missing', status: 'error', params: { path: 'ffmpeg' } },
      ],
    ],
    [
      'no ffmpeg, no camera wants to record → warning',
      { ffmpeg: withoutFfmpeg, cameras: [off('policy-off')] },
      [{ code: 'ffmpeg.missing', status: 'warning', params: { path: 'ffmpeg' } }],
    ],
    [
      'no ffmpeg, a camera the policy permits → error',
      { ffmpeg: withoutFfmpeg, cameras: [off('ffmpeg-missing')] },
      [{ code: 'ffmpeg.missing', status: 'error', params: { path: 'ffmpeg' } }],
    ],
    [
      'no ffmpeg and no vault key, a camera the policy permits → both errors',
      { vault: vault('VAULT.KEY_MISSING'), ffmpeg: withoutFfmpeg, cameras: [off('vault-key-missing')] },
      [
        { code: 'vault.key-missing', status: 'error', params: undefined },
        { code: 'ffmpeg.missing', status: 'error', params: { path: 'ffmpeg' } },
      ],
    ],
    [
      'no ffmpeg, the only camera disabled → warning',
      { ffmpeg: withoutFfmpeg, cameras: [off('camera-disabled')] },
      [{ code: 'ffmpeg.missing', status: 'warning', params: { path: 'ffmpeg' } }],
    ],
    [
      'an old ffmpeg → one warning per line it gave',
      { ffmpeg: { problem: null, path: '/opt/ffmpeg', version: '4.2', warnings: ['old', 'older'] } },
      [
        {
          code: 'ffmpeg.version-warning',
          status: 'warning',
          params: { version: '4.2', path: '/opt/ffmpeg' },
        },
        {
          code: 'ffmpeg.version-warning',
          status: 'warning',
          params: { version: '4.2', path: '/opt/ffmpeg' },
        },
      ],
    ],
    [
      'a site suspension → recording.suspended with the site name',
      {
        suspensions: [
          { scope: 'site', siteId: 'site-1', suspendedAt: '2026-03-02T09:00:00Z', reason: 'onderzoek' },
        ],
      },
      [
        {
          code: 'recording.suspended',
          status: 'warning',
          params: {
            scope: 'site',
            siteId: 'site-1',
            siteName: 'Stadhuis',
            reason: 'onderzoek',
            since: '2026-03-02T09:00:00Z',
          },
        },
      ],
    ],
    [
      'an organisation suspension → no site',
      {
        suspensions: [
          { scope: 'organisation', siteId: null, suspendedAt: '2026-03-02T09:00:00Z', reason: 'lek' },
        ],
      },
      [
        {
          code: 'recording.suspended',
          status: 'warning',
          params: { scope: 'organisation', reason: 'lek', since: '2026-03-02T09:00:00Z' },
        },
      ],
    ],
    [
      'an armed camera receiving video → camera.online',
      { cameras: [online] },
      [{ code: 'camera.online', status: 'ok', params: where }],
    ],
    ['a camera not armed → nothing about it', { cameras: [off('policy-off'), off('objection')] }, []],
    [
      'armed, the ingest has not reported yet → camera.connecting',
      { cameras: [{ ...online, health: null }] },
      [{ code: 'camera.connecting', status: 'warning', params: where }],
    ],
    [
      'the camera adapter says unreachable → camera.offline since then, with its code',
      {
        cameras: [
          {
            ...online,
            health: {
              state: 'offline',
              since: NOW - 5000,
              error: { code: 'RECORDING.CAMERA_UNREACHABLE', message: 'connection refused' },
              gopSeconds: null,
            },
          },
        ],
      },
      [
        {
          code: 'camera.offline',
          status: 'error',
          params: { ...where, since: '2026-03-02T09:59:55.000Z', errorCode: 'RECORDING.CAMERA_UNREACHABLE' },
        },
      ],
    ],
    [
      'wrong password → camera.unauthorised',
      {
        cameras: [
          {
            ...online,
            health: { state: 'unauthorised', since: NOW, error: null, gopSeconds: null },
          },
        ],
      },
      [
        {
          code: 'camera.unauthorised',
          status: 'error',
          params: { ...where, since: '2026-03-02T10:00:00.000Z' },
        },
      ],
    ],
    [
      'a long keyframe interval → camera.keyframe-interval instead of online',
      { cameras: [{ ...online, gopWarning: true, health: { ...online.health!, gopSeconds: 4.04 } }] },
      [
        {
          code: 'camera.keyframe-interval',
          status: 'warning',
          params: { ...where, gopSeconds: 4, preRollSeconds: 30 },
        },
      ],
    ],
    [
      'sealing failed (the vault says disk full) → camera.seal-failed, and not online',
      {
        cameras: [
          {
            ...online,
            sealError: { code: 'VAULT.DISK_FULL', message: 'no space', at: '2026-03-02T09:58:00.000Z' },
          },
        ],
      },
      [
        {
          code: 'camera.seal-failed',
          status: 'error',
          params: { ...where, errorCode: 'VAULT.DISK_FULL', since: '2026-03-02T09:58:00.000Z' },
        },
      ],
    ],
    [
      'unknown room and site → their ids',
      { cameras: [{ ...online, roomId: 'room-x', siteId: 'site-x' }] },
      [
        {
          code: 'camera.online',
          status: 'ok',
          params: { cameraName: 'Cam 1', roomName: 'room-x', siteName: 'site-x' },
        },
      ],
    ],
  ];
  it.each(table)('%s', (_, o, want) => {
    expect(coded(o)).toEqual(want);
  });

  it('messages stay readable English and name the component', () => {
    const [camera] = recordingHealth({
      ...calm,
      cameras: [
        {
          ...online,
          health: {
            state: 'offline',
            since: NOW,
            error: { code: 'X', message: 'refused' },
            gopSeconds: null,
          },
        },
      ],
    });
    expect(camera).toMatchObject({
      component: 'camera:Cam 1',
      message: 'camera offline since 2026-03-02T10:00:00.000Z: refused',
    });
    const [suspended] = recordingHealth({
      ...calm,
      suspensions: [
        { scope: 'organisation', siteId: null, suspendedAt: '2026-03-02T09:00:00Z', reason: 'lek' },
      ],
    });
    expect(suspended).toMatchObject({
      component: 'recording',
      message: 'Recording suspended (whole organisation) since 2026-03-02T09:00:00Z: lek',
    });
  });
});
