import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, type Permission, type Role } from '../../../src/core/auth/roles.js';
import type { Agent, Site } from '../api.js';
import { englishLeaks } from '../../../test/support/dutch-leaks.js';
import { formatDateTime } from '../i18n/index.js';
import { navRoutesFor } from '../routes.js';
import { nl, renderPage, reply, serveApi } from '../test/harness.js';
import { AgentsPage, enrolCommands } from './AgentsPage.js';
import { PageView } from './PageView.js';

const a = nl.agents;
const CREATED = '2026-01-01T00:00:00.000Z';
const SITES: Site[] = [
  { id: 's-1', name: 'Stadhuis', address: 'Markt 1', createdAt: CREATED },
  { id: 's-2', name: 'Wijkcentrum De Brink', address: 'Brinkstraat 12', createdAt: CREATED },
];
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

const agent = (over: Partial<Agent> = {}): Agent => ({
  id: 'ag-1',
  siteId: 's-2',
  name: 'Recorder De Brink',
  state: 'enrolled',
  createdAt: CREATED,
  codeExpiresAt: null,
  enrolledAt: CREATED,
  revokedAt: null,
  lastSeenAt: ago(3),
  lagSeconds: 3,
  report: {
    state: 'recording',
    armedCameras: 2,
    queuedSteps: 0,
    queuedParts: 0,
    oldestQueuedAt: null,
    restarts: 1,
    version: '0.1.0',
  },
  ...over,
});

const SEEN_LONG_AGO = ago(12 * 60);
const AGENTS: Agent[] = [
  agent(),
  agent({
    id: 'ag-2',
    name: 'Recorder achter',
    lastSeenAt: SEEN_LONG_AGO,
    lagSeconds: 720,
    report: {
      state: 'offline',
      armedCameras: 1,
      queuedSteps: 9,
      queuedParts: 7,
      oldestQueuedAt: SEEN_LONG_AGO,
      restarts: 4,
      version: '0.1.0',
    },
  }),
  agent({
    id: 'ag-3',
    name: 'Nieuwe recorder',
    siteId: 's-1',
    state: 'awaiting-enrolment',
    codeExpiresAt: '2026-01-02T00:00:00.000Z',
    enrolledAt: null,
    lastSeenAt: null,
    lagSeconds: null,
    report: null,
  }),
  agent({
    id: 'ag-4',
    name: 'Oude recorder',
    state: 'revoked',
    revokedAt: '2026-01-05T10:00:00.000Z',
    lastSeenAt: ago(86_400 * 3),
    lagSeconds: 86_400 * 3,
  }),
  agent({
    id: 'ag-5',
    name: 'Vergeten recorder',
    siteId: 's-1',
    state: 'code-expired',
    enrolledAt: null,
    lastSeenAt: null,
    lagSeconds: null,
    report: null,
  }),
];

const show = (agents: Agent[], permissions: Permission[], more: Record<string, unknown> = {}) => {
  const sent = serveApi({ 'GET /api/agents': agents, 'GET /api/sites': SITES, ...more });
  renderPage(<AgentsPage />, { permissions, path: '/agents' });
  return sent;
};

const row = async (name: string) => {
  const header = await screen.findByRole('rowheader', { name });
  return header.closest('tr')!;
};

describe('AgentsPage: the list', () => {
  it('shows each agent with its site by name, its state and report in words, last contact and lag', async () => {
    show(AGENTS, ['cameras:read']);
    expect(await screen.findByRole('table', { name: a.caption })).toBeTruthy();

    const healthy = await row('Recorder De Brink');
    expect(within(healthy).getByText('Wijkcentrum De Brink')).toBeTruthy();
    expect(healthy.textContent).not.toContain('s-2');
    expect(within(healthy).getByText(a.states.enrolled)).toBeTruthy();
    expect(within(healthy).getByText(a.lastReport(a.reported.recording))).toBeTruthy();
    expect(within(healthy).getByText('3 seconden')).toBeTruthy();
    expect(within(healthy).queryByText(a.lagHigh)).toBeNull();
    const cells = within(healthy)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Cameras ready, parts queued, camera restarts, version.
    expect(cells.slice(4)).toEqual(['2', '0', '1', '0.1.0']);

    // Behind: the lag in words and seconds, marked high; last contact relative and absolute.
    const behind = await row('Recorder achter');
    expect(within(behind).getByText(a.lastReport(a.reported.offline))).toBeTruthy();
    expect(a.lagValue(720)).toBe('12 minuten (720\u00a0s)');
    expect(behind.textContent).toContain(a.lagValue(720));
    expect(within(behind).getByText(a.lagHigh)).toBeTruthy();
    expect(behind.textContent).toContain(`12 minuten geleden (${formatDateTime('nl', SEEN_LONG_AGO)})`);

    const waiting = await row('Nieuwe recorder');
    expect(within(waiting).getByText('Stadhuis')).toBeTruthy();
    expect(within(waiting).getByText(a.states['awaiting-enrolment'])).toBeTruthy();
    expect(
      within(waiting).getByText(a.codeValidUntil(formatDateTime('nl', '2026-01-02T00:00:00.000Z'))),
    ).toBeTruthy();
    expect(within(waiting).getByText(a.never)).toBeTruthy();

    const expired = await row('Vergeten recorder');
    expect(within(expired).getByText(a.states['code-expired'])).toBeTruthy();
    expect(within(expired).getByText(a.codeExpired)).toBeTruthy();

    // Revoked: when, and no lag (it only grows), listed last.
    const revoked = await row('Oude recorder');
    expect(within(revoked).getByText(a.states.revoked)).toBeTruthy();
    expect(
      within(revoked).getByText(a.revokedAt(formatDateTime('nl', '2026-01-05T10:00:00.000Z'))),
    ).toBeTruthy();
    expect(within(revoked).queryByText(a.lagHigh)).toBeNull();
    const names = screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(names[names.length - 1]).toBe('Oude recorder');

    expect(screen.getByText(a.lagExplain)).toBeTruthy();
    // Reading only: it says who registers and revokes, and there are no buttons for it.
    expect(screen.getByText(a.introReadOnly)).toBeTruthy();
    expect(screen.queryByRole('button', { name: a.add })).toBeNull();
    expect(screen.queryByRole('button', { name: a.revokeItem('Recorder De Brink') })).toBeNull();
    // Everything a Dutch reader sees is Dutch.
    expect(englishLeaks(document.body.textContent ?? '')).toEqual([]);
  });

  it('with no agents, says what an agent is, when one is needed and where the manual is', async () => {
    show([], ['cameras:read', 'cameras:write']);
    expect(await screen.findByText(a.empty)).toBeTruthy();
    expect(screen.getByRole('heading', { name: a.whatTitle })).toBeTruthy();
    expect(screen.getByText(a.what)).toBeTruthy();
    expect(screen.getByText(a.when)).toBeTruthy();
    expect(screen.getByText(a.docs)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: a.add })).toBeTruthy();
  });
});

describe('AgentsPage: registering an agent', () => {
  it('sends site and name, then shows the one-time code once with the command to run at the site', async () => {
    const user = userEvent.setup();
    const created = agent({
      id: 'ag-9',
      name: 'Recorder Brink',
      state: 'awaiting-enrolment',
      codeExpiresAt: '2026-03-04T09:00:00.000Z',
      enrolledAt: null,
      lastSeenAt: null,
      lagSeconds: null,
      report: null,
    });
    const sent = show([], ['cameras:read', 'cameras:write'], {
      'POST /api/agents': reply(201, { agent: created, code: 'ABCD-EFGH-JKLM' }),
    });
    await user.click(await screen.findByRole('button', { name: a.add }));
    // Both fields are required; nothing is sent before they are filled in.
    await user.click(screen.getByRole('button', { name: a.submit }));
    expect(await screen.findAllByText(nl.choose.site)).not.toHaveLength(0);
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await user.selectOptions(screen.getByLabelText(a.site), 'Wijkcentrum De Brink');
    await user.type(screen.getByLabelText(a.name), '  Recorder Brink ');
    await user.click(screen.getByRole('button', { name: a.submit }));

    const heading = await screen.findByRole('heading', { name: a.createdTitle('Recorder Brink') });
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/agents', body: { siteId: 's-2', name: 'Recorder Brink' } },
    ]);
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(a.createdOnce)).toBeTruthy();
    expect(screen.getByText('ABCD-EFGH-JKLM')).toBeTruthy();
    expect(screen.getByText(a.validity(formatDateTime('nl', '2026-03-04T09:00:00.000Z')))).toBeTruthy();
    expect(screen.getByText(a.commandIntro('Wijkcentrum De Brink'))).toBeTruthy();
    const command = enrolCommands(window.location.origin, 'ABCD-EFGH-JKLM');
    // One option a line for reading; the shell joins the continued lines into the documented command.
    expect(command.replace(/ \\\n\s*/g, ' ').split('\n')).toEqual([
      `proportio agent enrol --server ${window.location.origin} --code ABCD-EFGH-JKLM --state /var/lib/proportio-agent`,
      'proportio agent run --state /var/lib/proportio-agent',
    ]);
    expect(document.querySelector('pre')?.textContent).toBe(command);
    // While the code is on screen nothing else opens over it.
    expect(screen.queryByRole('button', { name: a.add })).toBeNull();

    await user.click(screen.getByRole('button', { name: a.dismiss }));
    expect(screen.queryByText('ABCD-EFGH-JKLM')).toBeNull();
    expect(document.body.textContent).not.toContain('ABCD-EFGH-JKLM');
    expect(screen.getByRole('button', { name: a.add })).toBeTruthy();
  });

  it("a refusal reads in Dutch from its error code, never the server's English", async () => {
    const user = userEvent.setup();
    show([], ['cameras:read', 'cameras:write'], {
      'POST /api/agents': reply(422, {
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        code: 'AGENT.NAME_REQUIRED',
        detail: 'an agent needs a name of 1 to 100 characters',
        details: { field: 'name' },
      }),
    });
    await user.click(await screen.findByRole('button', { name: a.add }));
    await user.selectOptions(screen.getByLabelText(a.site), 'Stadhuis');
    await user.type(screen.getByLabelText(a.name), 'x');
    await user.click(screen.getByRole('button', { name: a.submit }));
    expect(await screen.findByText(nl.problems.messages['AGENT.NAME_REQUIRED']!)).toBeTruthy();
    expect(document.body.textContent).not.toContain('an agent needs');
  });

  it('without a site, says to create one first', async () => {
    serveApi({ 'GET /api/agents': [], 'GET /api/sites': [] });
    renderPage(<AgentsPage />, { permissions: ['cameras:read', 'cameras:write'] });
    expect(await screen.findByText(a.noSites)).toBeTruthy();
    expect(screen.queryByRole('button', { name: a.add })).toBeNull();
  });
});

describe('AgentsPage: revoking an agent', () => {
  it('asks first and says what happens: the agent stops, queued parts stay behind, the cameras go back', async () => {
    const user = userEvent.setup();
    const sent = show(AGENTS, ['cameras:read', 'cameras:write'], {
      'POST /api/agents/ag-2/revoke': { ...AGENTS[1], state: 'revoked' },
    });
    await user.click(await screen.findByRole('button', { name: a.revokeItem('Recorder achter') }));
    const heading = screen.getByRole('heading', { name: a.confirmTitle('Recorder achter') });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(a.confirmStops)).toBeTruthy();
    // Recorder De Brink is enrolled at the same site: it keeps the cameras.
    expect(screen.getByText(a.confirmOtherAgent('Wijkcentrum De Brink'))).toBeTruthy();
    expect(screen.getByText(a.confirmQueued(7))).toBeTruthy();
    expect(screen.getByText(a.confirmFinal)).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await user.click(screen.getByRole('button', { name: a.revoke }));
    expect(await screen.findByText(a.revoked('Recorder achter'))).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/api/agents/ag-2/revoke']);
  });

  it("the site's only agent: its cameras go back to the server; cancelling sends nothing", async () => {
    const user = userEvent.setup();
    const sent = show([agent()], ['cameras:read', 'cameras:write']);
    await user.click(await screen.findByRole('button', { name: a.revokeItem('Recorder De Brink') }));
    expect(screen.getByText(a.confirmCameras('Wijkcentrum De Brink'))).toBeTruthy();
    expect(screen.queryByText(a.confirmQueued(0))).toBeNull();
    await user.click(screen.getByRole('button', { name: nl.cancel }));
    expect(screen.queryByText(a.confirmStops)).toBeNull();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('an agent not yet enrolled: only its code stops working; a refusal reads in Dutch', async () => {
    const user = userEvent.setup();
    show(AGENTS, ['cameras:read', 'cameras:write'], {
      'POST /api/agents/ag-3/revoke': reply(409, {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'AGENT.REVOKED',
        detail: 'the agent is already revoked',
      }),
    });
    expect(await screen.findByRole('rowheader', { name: 'Oude recorder' })).toBeTruthy();
    // A revoked agent has nothing left to revoke.
    expect(screen.queryByRole('button', { name: a.revokeItem('Oude recorder') })).toBeNull();
    await user.click(screen.getByRole('button', { name: a.revokeItem('Nieuwe recorder') }));
    expect(screen.getByText(a.confirmNotEnrolled)).toBeTruthy();
    expect(screen.queryByText(a.confirmStops)).toBeNull();
    await user.click(screen.getByRole('button', { name: a.revoke }));
    expect(await screen.findByText(nl.problems.messages['AGENT.REVOKED']!)).toBeTruthy();
  });
});

describe('AgentsPage: who sees it', () => {
  const permissionsOf = (role: Role) =>
    (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission([role], p));

  it.each([
    ['admin', true],
    ['security', true],
    ['dpo', true],
    ['auditor', true],
    ['front-desk', false],
    ['responder', false],
    ['decision-maker', false],
  ] as const)('%s: in the navigation → %s', (role, shown) => {
    expect(navRoutesFor(permissionsOf(role)).some((r) => r.key === 'agents')).toBe(shown);
  });

  it('a role without the right gets the no-access page at /agents and no call to the API', async () => {
    const sent = serveApi({ 'GET /api/agents': AGENTS, 'GET /api/sites': SITES });
    renderPage(<PageView />, { permissions: permissionsOf('front-desk'), path: '/agents' });
    expect(await screen.findByRole('heading', { level: 1, name: nl.noAccess.title })).toBeTruthy();
    expect(sent.some((s) => s.path === '/api/agents')).toBe(false);
  });

  it('the administrator gets the page at /agents', async () => {
    serveApi({ 'GET /api/agents': AGENTS, 'GET /api/sites': SITES });
    renderPage(<PageView />, { permissions: permissionsOf('admin'), path: '/agents' });
    expect(await screen.findByRole('heading', { level: 1, name: a.title })).toBeTruthy();
    expect(await screen.findByRole('button', { name: a.add })).toBeTruthy();
  });
});
