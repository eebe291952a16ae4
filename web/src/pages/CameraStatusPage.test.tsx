import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HealthBanner } from '../components/HealthBanner.js';
import { nl, REGISTRY_ANSWERS, renderPage, serveApi } from '../test/harness.js';
import { CameraStatusPage } from './CameraStatusPage.js';

const camera = (offKind: string | null, error: { code: string; message: string } | null = null) => ({
  cameraId: 'cam-1',
  cameraName: 'Kamer 1 plafond',
  roomId: 'room-1',
  siteId: 'site-1',
  armed: offKind === null,
  recording: false,
  draining: false,
  mode: 'off',
  offReason: 'no vault key: recording is refused until `proportio vault init` has run',
  offKind,
  state: offKind === null ? 'offline' : 'off',
  stateSince: null,
  error,
  lastFragmentAt: null,
  bitrateBps: null,
  gopSeconds: null,
  gopWarning: false,
  restarts: 0,
});

const status = (cameras: ReturnType<typeof camera>[], running = true) => ({
  running,
  blocked: [],
  suspensions: [],
  cameras,
});

const show = (row: ReturnType<typeof camera>, permissions: string[]) => {
  serveApi({ ...REGISTRY_ANSWERS, 'GET /api/recording/status': status([row]), 'GET /api/cameras': [] });
  renderPage(<CameraStatusPage />, { permissions: permissions as never });
};

describe('CameraStatusPage: why a camera does not record, for the one reading it', () => {
  it('security reads that recording is not possible and the administrator knows, without commands', async () => {
    show(camera('vault-key-missing'), ['recording:read']);
    expect(await screen.findByText(nl.cameraStatus.off['vault-key-missing']!)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/vault init|no vault key/);
  });

  it('the administrator reads the fix', async () => {
    show(camera('vault-key-missing'), ['recording:read', 'settings:write']);
    expect(await screen.findByText(nl.cameraStatus.offForAdmin['vault-key-missing']!)).toBeTruthy();
  });

  it('a connection fault is said in words, never as the English error', async () => {
    show(camera(null, { code: 'RECORDING.CAMERA_UNREACHABLE', message: 'connect ECONNREFUSED' }), [
      'recording:read',
    ]);
    expect(await screen.findByText(nl.cameraStatus.connectionProblem)).toBeTruthy();
    expect(document.body.textContent).not.toContain('ECONNREFUSED');
  });
});

describe('CameraStatusPage: an empty list says why it is empty', () => {
  const empty = (running: boolean, permissions: string[]) => {
    serveApi({
      ...REGISTRY_ANSWERS,
      'GET /api/recording/status': status([], running),
      'GET /api/cameras': [],
    });
    renderPage(<CameraStatusPage />, { permissions: permissions as never });
  };

  it('a recorder that does not run is not "no cameras registered"', async () => {
    empty(false, ['recording:read']);
    expect(await screen.findByText(nl.cameraStatus.notRunning)).toBeTruthy();
    expect(screen.queryByText(nl.cameraStatus.none)).toBeNull();
  });

  it('the administrator reads what to do about it', async () => {
    empty(false, ['recording:read', 'settings:write']);
    expect(await screen.findByText(nl.cameraStatus.notRunningForAdmin)).toBeTruthy();
  });

  it('a running recorder without cameras says none are registered', async () => {
    empty(true, ['recording:read']);
    expect(await screen.findByText(nl.cameraStatus.none)).toBeTruthy();
  });
});

describe('HealthBanner: a server fault reads differently for who fixes it', () => {
  const item = {
    component: 'vault',
    status: 'error',
    kind: 'configuration',
    code: 'vault.key-missing',
    message: 'no vault key: recording is refused until `proportio vault init` has run',
  };

  it('the privacy officer reads that it is known', async () => {
    serveApi({ 'GET /api/health': { items: [item] } });
    renderPage(<HealthBanner />, { permissions: ['recording:suspend'] });
    expect(await screen.findByText(nl.health.forStaff['vault.key-missing']!)).toBeTruthy();
  });

  it('the administrator reads the fix', async () => {
    serveApi({ 'GET /api/health': { items: [item] } });
    renderPage(<HealthBanner />, { permissions: ['settings:write'] });
    expect(await screen.findByText(nl.health.codes['vault.key-missing']!({}))).toBeTruthy();
  });
});
