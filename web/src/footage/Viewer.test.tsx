import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { play, problem } from '../test/footage-fixtures.js';
import { nl, renderPage, reply, serveApi, type Answers } from '../test/harness.js';
import { amsterdamTime, Viewer } from './Viewer.js';

const f = nl.footage;
const PLAYS = 'POST /api/footage/grants/g-1/plays';
/** Before the fixture's expiry (11:06 UTC). */
const NOW = new Date('2026-03-02T10:30:00.000Z');

const viewer = (answers: Answers, now = NOW) => {
  const sent = serveApi(answers);
  renderPage(<Viewer grantId="g-1" now={() => now} />, { permissions: ['footage:request'] });
  return sent;
};

const video = () => document.querySelector('video') as HTMLVideoElement;

describe('Viewer', () => {
  it('asks for one play, then shows a plain video without download, picture-in-picture or remote playback', async () => {
    const sent = viewer({ [PLAYS]: reply(201, play()) });
    expect(await screen.findByText(f.playsLeft(4), { exact: false })).toBeTruthy();
    expect(sent).toEqual([{ method: 'POST', path: '/api/footage/grants/g-1/plays', body: {} }]);
    const v = video();
    expect(v.getAttribute('src')).toBe('/api/footage/plays/tok-1');
    expect(v.hasAttribute('controls')).toBe(true);
    expect(v.getAttribute('controlslist')).toBe('nodownload noremoteplayback');
    expect(v.hasAttribute('disablepictureinpicture')).toBe(true);
    expect(v.getAttribute('aria-label')).toBe(f.videoLabel('Spreekkamer 1', 'Camera spreekkamer 1'));
    expect(document.querySelector('a[download]')).toBeNull();
    expect(screen.queryByRole('link', { name: /download/i })).toBeNull();
  });

  it('lays the viewer’s name, the time in Amsterdam and "vertrouwelijk" over the video', async () => {
    viewer({ [PLAYS]: reply(201, play()) });
    const overlay = await screen.findByTestId('viewer-overlay');
    expect(overlay.textContent).toContain('Sanne de Vries (beveiliging)');
    expect(overlay.textContent).toContain(f.confidential);
    // 10:30 UTC is 11:30 in Amsterdam in March (CET).
    expect(amsterdamTime('nl', NOW)).toContain('11:30:00');
    expect(overlay.textContent).toContain(amsterdamTime('nl', NOW));
    expect(overlay.parentElement?.contains(video())).toBe(true);
  });

  it('the context menu on the video is suppressed', async () => {
    viewer({ [PLAYS]: reply(201, play()) });
    await screen.findByTestId('viewer-overlay');
    const allowed = fireEvent.contextMenu(video());
    expect(allowed).toBe(false);
  });

  it('a grant that ended says so clearly and shows no video', async () => {
    viewer({ [PLAYS]: reply(410, problem(410, 'FOOTAGE.GRANT_ENDED')) });
    expect(await screen.findByText(f.ended)).toBeTruthy();
    expect(video()).toBeNull();
    expect(screen.queryByRole('button', { name: f.playAgain })).toBeNull();
  });

  it('a grant whose expiry has passed is shown as ended', async () => {
    viewer({ [PLAYS]: reply(201, play({ expiresAt: '2026-03-02T10:00:00.000Z' })) });
    expect(await screen.findByText(f.ended)).toBeTruthy();
    expect(video()).toBeNull();
  });

  it('another refusal is translated (not the requester), as a notice with nothing to retry', async () => {
    viewer({ [PLAYS]: reply(403, problem(403, 'FOOTAGE.NOT_REQUESTER')) });
    expect(await screen.findByText(f.errors['FOOTAGE.NOT_REQUESTER']!)).toBeTruthy();
    expect(screen.queryByText(/server says/)).toBeNull();
    // Playing again would be refused again: no button, and not styled as a failure.
    expect(screen.queryByRole('button', { name: f.playAgain })).toBeNull();
    expect(document.querySelector('.utrecht-alert--error')).toBeNull();
  });
});
