import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../src/core/auth/roles.js';
import type { User } from '../api.js';
import {
  custodianUser,
  dpo,
  grantedRequest,
  problem,
  requesterUser,
  secretary,
  viewingRequest,
} from '../test/footage-fixtures.js';
import { nl, REGISTRY_ANSWERS, renderPage, reply, serveApi, type Answers } from '../test/harness.js';
import { RequestDetail } from './RequestDetail.js';
import type { ViewingRequest } from './types.js';

const f = nl.footage;
const GET = 'GET /api/footage/requests/vr-1';
const APPROVE = 'POST /api/footage/requests/vr-1/approve';
const HISTORY = 'GET /api/footage/history?clipId=clip-1';
const CUSTODIAN: Permission[] = ['footage:records', 'footage:approve'];
const REQUESTER: Permission[] = ['footage:records', 'footage:request', 'footage:approve'];

const detail = (
  request: ViewingRequest,
  answers: Answers = {},
  who: { user: User; permissions: Permission[] } = { user: custodianUser, permissions: CUSTODIAN },
) => {
  const navigated: string[] = [];
  const sent = serveApi({ ...REGISTRY_ANSWERS, [GET]: request, [HISTORY]: [], ...answers });
  renderPage(<RequestDetail id="vr-1" />, { ...who, navigate: (p) => navigated.push(p) });
  return { sent, navigated };
};

const passphrase = () => screen.getByLabelText<HTMLInputElement>(new RegExp(`^${f.passphrase}`));
const approve = async (text: string) => {
  await userEvent.type(passphrase(), text);
  await userEvent.click(screen.getByRole('button', { name: f.approve }));
};

describe('RequestDetail', () => {
  it('shows the clip, reason, legal ground, approvals so far and who can still approve', async () => {
    detail(
      viewingRequest({ approvals: [{ by: dpo, at: '2026-03-02T10:05:00.000Z' }], awaiting: [secretary] }),
      {},
      {
        user: requesterUser,
        permissions: REQUESTER,
      },
    );
    await screen.findByText(f.states.pending!);
    expect(screen.getByText('Onderzoek naar de bedreiging aan de balie')).toBeTruthy();
    expect(screen.getByText(f.grounds['own-investigation'].label)).toBeTruthy();
    expect(screen.getByRole('heading', { name: `${f.approvals} (${f.approvalsCount(1, 2)})` })).toBeTruthy();
    const lists = screen.getAllByRole('list').map((l) => l.textContent);
    expect(lists.some((l) => l?.startsWith(dpo.displayName))).toBe(true);
    expect(lists).toContain(secretary.displayName);
    expect(screen.getByRole('link', { name: f.openIncident }).getAttribute('href')).toBe('/incidents/inc-1');
  });

  it('a custodian approves with a password field the browser does not fill in, emptied after sending', async () => {
    const { sent } = detail(viewingRequest(), {
      [APPROVE]: viewingRequest({
        approvals: [{ by: dpo, at: '2026-03-02T10:05:00.000Z' }],
        awaiting: [secretary],
      }),
    });
    await screen.findByRole('heading', { name: f.approveTitle });
    expect(passphrase().type).toBe('password');
    expect(passphrase().getAttribute('autocomplete')).toBe('off');
    await approve('Lindewaard-kluis-2026');

    const notice = await screen.findByText(f.approvedNotice);
    expect(document.activeElement?.contains(notice)).toBe(true);
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/footage/requests/vr-1/approve',
        body: { passphrase: 'Lindewaard-kluis-2026' },
      },
    ]);
    // The answer shows this custodian's approval; the form is gone, as there is nothing left to approve.
    expect(screen.queryByRole('heading', { name: f.approveTitle })).toBeNull();
  });

  it('the K-th approval grants: the notice says the requester can now view', async () => {
    detail(viewingRequest({ approvals: [{ by: secretary, at: '2026-03-02T10:05:00.000Z' }] }), {
      [APPROVE]: grantedRequest(),
    });
    await screen.findByRole('heading', { name: f.approveTitle });
    await approve('Lindewaard-kluis-2026');
    expect(await screen.findByText(f.grantedNotice)).toBeTruthy();
    expect(screen.getByText(f.states.granted!)).toBeTruthy();
  });

  it('an empty passphrase is refused here and nothing is sent', async () => {
    const { sent } = detail(viewingRequest());
    await screen.findByRole('heading', { name: f.approveTitle });
    await userEvent.click(screen.getByRole('button', { name: f.approve }));
    expect(screen.getByRole('link', { name: `${f.passphrase}: ${nl.required}` })).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it.each([
    ['FOOTAGE.WRONG_PASSPHRASE', 403, 'field'],
    ['FOOTAGE.TOO_MANY_ATTEMPTS', 429, 'field'],
    ['FOOTAGE.NOT_CUSTODIAN', 403, 'summary'],
    ['FOOTAGE.ALREADY_APPROVED', 409, 'summary'],
    ['FOOTAGE.OWN_REQUEST_NEEDS_OTHER', 409, 'summary'],
    ['FOOTAGE.REQUEST_CLOSED', 409, 'summary'],
    ['FOOTAGE.SHARE_SEALED_TO_KEY', 422, 'summary'],
    ['CUSTODY.NOT_SET_UP', 409, 'summary'],
  ] as const)(
    '%s (HTTP %i) is translated, shown in the %s, and the passphrase is emptied',
    async (code, status, where) => {
      detail(viewingRequest(), { [APPROVE]: reply(status, problem(status, code)) });
      await screen.findByRole('heading', { name: f.approveTitle });
      await approve('niet-de-goede-zin');

      const summary = (await screen.findByRole('heading', { name: nl.errorSummaryTitle })).closest(
        '.pp-error-summary',
      ) as HTMLElement;
      expect(document.activeElement).toBe(summary);
      expect(summary.textContent).toContain(f.errors[code]);
      expect(summary.textContent).not.toContain('server says');
      if (where === 'field') {
        expect(
          within(summary).getByRole('link', { name: `${f.passphrase}: ${f.errors[code]}` }),
        ).toBeTruthy();
        expect(passphrase().getAttribute('aria-invalid')).toBe('true');
      } else {
        expect(within(summary).queryAllByRole('link')).toEqual([]);
      }
      expect(passphrase().value).toBe('');
    },
  );

  it('a custodian refuses with a reason; focus moves to the confirmation', async () => {
    const refused = viewingRequest({
      state: 'refused',
      awaiting: [],
      refusal: { by: dpo, at: '2026-03-02T10:07:00.000Z', reason: 'Geen grond voor inzage' },
    });
    const { sent } = detail(viewingRequest(), { 'POST /api/footage/requests/vr-1/refuse': refused });
    await userEvent.click(await screen.findByRole('button', { name: f.refuseOpen }));
    const reason = screen.getByLabelText(new RegExp(`^${f.refuseReason}`));
    expect(document.activeElement).toBe(reason);
    await userEvent.type(reason, 'Geen grond voor inzage');
    await userEvent.click(screen.getByRole('button', { name: f.refuse }));

    const notice = await screen.findByText(f.refusedNotice);
    expect(document.activeElement?.contains(notice)).toBe(true);
    expect(sent.filter((s) => s.method === 'POST').map((s) => [s.path, s.body])).toEqual([
      ['/api/footage/requests/vr-1/refuse', { reason: 'Geen grond voor inzage' }],
    ]);
    const line = screen.getByText((text) => text.startsWith(`Geweigerd door ${dpo.displayName}, `));
    expect(line.textContent?.endsWith(': Geen grond voor inzage')).toBe(true);
  });

  it('cancelling the refusal puts focus back on the button that opened it', async () => {
    detail(viewingRequest());
    const open = await screen.findByRole('button', { name: f.refuseOpen });
    await userEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: nl.cancel }));
    expect(document.activeElement).toBe(open);
    expect(screen.queryByLabelText(new RegExp(`^${f.refuseReason}`))).toBeNull();
  });

  it('the requester with a live grant goes to the viewer with "Bekijken", and may revoke', async () => {
    const { navigated } = detail(grantedRequest(), {}, { user: requesterUser, permissions: REQUESTER });
    await userEvent.click(await screen.findByRole('button', { name: f.watch }));
    expect(navigated).toEqual(['/footage/grants/g-1']);
    expect(screen.getByRole('button', { name: f.revokeOpen })).toBeTruthy();
    // Granted: nothing left to approve or refuse.
    expect(screen.queryByRole('heading', { name: f.approveTitle })).toBeNull();
    expect(screen.queryByRole('button', { name: f.refuseOpen })).toBeNull();
  });

  it('a custodian sees the grant and may revoke it, but gets no "Bekijken"', async () => {
    detail(grantedRequest(), {});
    await screen.findByText(f.states.granted!);
    expect(screen.queryByRole('button', { name: f.watch })).toBeNull();
    expect(screen.getByRole('button', { name: f.revokeOpen })).toBeTruthy();
  });

  it('someone who is neither the requester nor a custodian only reads', async () => {
    const other = { ...requesterUser, id: 'u-other', custodian: false };
    detail(grantedRequest(), {}, { user: other, permissions: REQUESTER });
    await screen.findByText(f.states.granted!);
    expect(screen.queryByRole('button', { name: f.watch })).toBeNull();
    expect(screen.queryByRole('button', { name: f.revokeOpen })).toBeNull();
  });

  it('a grant that ended says why, and the requester gets no "Bekijken"', async () => {
    const base = grantedRequest();
    detail(
      grantedRequest({
        state: 'ended',
        endedAt: '2026-03-02T11:06:00.000Z',
        endReason: 'restart',
        grant: { ...base.grant!, live: false },
      }),
      {},
      { user: requesterUser, permissions: REQUESTER },
    );
    await screen.findByText(f.states.ended!);
    expect(screen.getByText(f.grantOver)).toBeTruthy();
    expect(screen.getByText(new RegExp(f.endReasons.restart!))).toBeTruthy();
    expect(screen.queryByRole('button', { name: f.watch })).toBeNull();
    expect(screen.queryByRole('button', { name: f.revokeOpen })).toBeNull();
  });

  it('an account that is no custodian sees no approval form', async () => {
    detail(viewingRequest(), {}, { user: { ...custodianUser, custodian: false }, permissions: CUSTODIAN });
    await screen.findByText(f.states.pending!);
    expect(screen.queryByRole('heading', { name: f.approveTitle })).toBeNull();
    expect(screen.queryByRole('button', { name: f.refuseOpen })).toBeNull();
  });
});
