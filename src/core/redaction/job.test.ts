import { describe, expect, it } from 'vitest';
import {
  JOB_STATES,
  checkReview,
  copyEnd,
  copyExpiresAt,
  jobTransition,
  progressOf,
  type StoredTracks,
} from './job.js';

const detected: StoredTracks = {
  width: 1280,
  height: 720,
  fps: 25,
  frameCount: 100,
  tracks: [
    { id: 'face-1', keyframes: [{ t: 0, x: 10, y: 10, w: 100, h: 100, score: 0.9 }] },
    { id: 'face-2', keyframes: [{ t: 0.2, x: 600, y: 300, w: 100, h: 100, score: 0.8 }] },
  ],
};

describe('jobTransition', () => {
  it('walks detect → detected → render → rendered, and back to detected on a new review', () => {
    expect(jobTransition('none', 'detect')).toEqual({ ok: true, value: 'detecting' });
    expect(jobTransition('detecting', 'detected')).toEqual({ ok: true, value: 'detected' });
    expect(jobTransition('detected', 'render')).toEqual({ ok: true, value: 'rendering' });
    expect(jobTransition('rendering', 'rendered')).toEqual({ ok: true, value: 'rendered' });
    expect(jobTransition('rendered', 'review')).toEqual({ ok: true, value: 'detected' });
    expect(jobTransition('failed', 'detect')).toEqual({ ok: true, value: 'detecting' });
  });

  it('refuses a second start while one runs, and a review or render before detection', () => {
    for (const busy of ['detecting', 'rendering'] as const)
      for (const e of ['detect', 'review', 'render'] as const) {
        const r = jobTransition(busy, e);
        expect(r.ok ? r.value : r.error.code).toBe('REDACTION.JOB_BUSY');
      }
    for (const s of ['none', 'failed'] as const)
      for (const e of ['review', 'render'] as const) {
        const r = jobTransition(s, e);
        expect(r.ok ? r.value : r.error.code).toBe('REDACTION.NOT_DETECTED');
      }
  });

  it('only the machine finishes or fails a running job', () => {
    for (const s of JOB_STATES) {
      expect(jobTransition(s, 'detected').ok).toBe(s === 'detecting');
      expect(jobTransition(s, 'rendered').ok).toBe(s === 'rendering');
      expect(jobTransition(s, 'fail').ok).toBe(s === 'detecting' || s === 'rendering');
    }
  });
});

describe('the copy is kept', () => {
  it('seven days, or until the request closes', () => {
    const at = Date.parse('2026-12-01T10:00:00Z');
    const until = copyExpiresAt(at);
    expect(new Date(until).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(copyEnd({ expiresAt: until }, until - 1, false)).toBeNull();
    expect(copyEnd({ expiresAt: until }, until, false)).toBe('expired');
    expect(copyEnd({ expiresAt: until }, at, true)).toBe('request-closed');
  });
});

describe('checkReview', () => {
  it('accepts a review of known tracks and normalises it', () => {
    const r = checkReview(detected, { keepTrackIds: ['face-1', 'face-1'] });
    expect(r).toEqual({ ok: true, value: { keepTrackIds: ['face-1'], consentedTrackIds: [], edits: [] } });
  });

  it('refuses unknown tracks, edits outside the clip or picture, and a track kept and consented', () => {
    const code = (r: ReturnType<typeof checkReview>) => (r.ok ? 'ok' : r.error.code);
    expect(code(checkReview(detected, { keepTrackIds: ['face-9'] }))).toBe('REDACTION.UNKNOWN_TRACK');
    expect(
      code(
        checkReview(detected, { edits: [{ kind: 'add', from: 0, to: 60, box: { x: 1, y: 1, w: 5, h: 5 } }] }),
      ),
    ).toBe('REDACTION.INVALID_EDIT');
    expect(
      code(
        checkReview(detected, {
          edits: [{ kind: 'add', from: 0, to: 1, box: { x: 2000, y: 1, w: 5, h: 5 } }],
        }),
      ),
    ).toBe('REDACTION.INVALID_EDIT');
    expect(code(checkReview(detected, { keepTrackIds: ['face-1'], consentedTrackIds: ['face-1'] }))).toBe(
      'REDACTION.INVALID_EDIT',
    );
  });
});

describe('progressOf', () => {
  it('stays within 0…1', () => {
    expect(progressOf(0, 0)).toBe(0);
    expect(progressOf(50, 100)).toBe(0.5);
    expect(progressOf(101, 100)).toBe(1);
  });
});
