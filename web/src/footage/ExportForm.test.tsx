import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../../src/core/auth/roles.js';
import { fileNameOf } from '../api.js';
import { custodianUser, grantedRequest, problem, requesterUser } from '../test/footage-fixtures.js';
import { DICTIONARIES } from '../i18n/index.js';
import {
  fileReply,
  nl,
  REGISTRY_ANSWERS,
  renderPage,
  reply,
  serveApi,
  type Answers,
} from '../test/harness.js';
import { RequestDetail } from './RequestDetail.js';
import type { ViewingRequest } from './types.js';

const f = nl.footage;
const GET = 'GET /api/footage/requests/vr-1';
const EXPORT = 'POST /api/footage/grants/g-1/export';
const HISTORY = 'GET /api/footage/history?clipId=clip-1';
const REQUESTER: Permission[] = ['footage:records', 'footage:request', 'footage:approve', 'footage:export'];
const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

const exportable = (over: Partial<ViewingRequest> = {}): ViewingRequest => {
  const base = grantedRequest({ legalGround: 'police-report', policeReport: 'PL0900-2026-77' });
  return {
    ...base,
    purposes: ['view', 'export'] as const,
    grant: { ...base.grant!, exportAllowed: true },
    ...over,
  };
};

/** What was saved: the object URL's bytes and the link's file name. */
let saved: { name: string; text: Promise<string> }[] = [];
beforeEach(() => {
  saved = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        const u = `blob:test/${blobs.size}`;
        blobs.set(u, b);
        return u;
      },
      revokeObjectURL: () => undefined,
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, text: blobs.get(this.href)!.text() });
  });
});
afterEach(() => vi.restoreAllMocks());

const detail = (
  request: ViewingRequest,
  answers: Answers = {},
  who = { user: requesterUser, permissions: REQUESTER },
) => {
  const sent = serveApi({ ...REGISTRY_ANSWERS, [GET]: request, [HISTORY]: [], ...answers });
  renderPage(<RequestDetail id="vr-1" />, who);
  return sent;
};
const section = () => screen.queryByRole('heading', { name: f.exportTitle });
const recipient = () =>
  screen.getByLabelText<HTMLInputElement>(new RegExp(`^${f.exportRecipient.replace(/[()]/g, '\\$&')}`));
const download = () => userEvent.click(screen.getByRole('button', { name: f.exportButton }));
const posts = (sent: { method: string; path: string; body: unknown }[]) =>
  sent.filter((s) => s.method === 'POST');

describe('evidence export on the request detail', () => {
  it('the requester downloads the package under the server’s file name; focus moves to the confirmation', async () => {
    const sent = detail(exportable(), {
      [EXPORT]: fileReply('PK-the-zip', {
        'content-type': 'application/zip',
        'content-disposition': 'attachment; filename="bewijsexport-2026-03-02-ex1.zip"',
      }),
    });
    expect(await screen.findByRole('heading', { name: f.exportTitle })).toBeTruthy();
    for (const p of f.exportIntro) expect(screen.getByText(p)).toBeTruthy();
    await download();
    const notice = await screen.findByText(f.exportedNotice('bewijsexport-2026-03-02-ex1.zip'));
    expect(document.activeElement?.contains(notice)).toBe(true);
    expect(posts(sent)).toEqual([{ method: 'POST', path: '/api/footage/grants/g-1/export', body: {} }]);
    expect(saved.map((s) => s.name)).toEqual(['bewijsexport-2026-03-02-ex1.zip']);
    expect(await saved[0]!.text).toBe('PK-the-zip');
    // The history is loaded again, to show the export.
    expect(sent.filter((s) => s.path === '/api/footage/history?clipId=clip-1').length).toBe(2);
  });

  it('without Content-Disposition the file is bewijsexport-<grant>.zip; a recipient is sent along', async () => {
    const sent = detail(exportable(), { [EXPORT]: fileReply('age-bytes') });
    await screen.findByRole('heading', { name: f.exportTitle });
    await userEvent.type(recipient(), RECIPIENT);
    await download();
    await screen.findByText(f.exportedNotice('bewijsexport-g-1.zip'));
    expect(posts(sent)[0]!.body).toEqual({ recipient: RECIPIENT });
    expect(saved.map((s) => s.name)).toEqual(['bewijsexport-g-1.zip']);
  });

  it('a recipient that is no age key is refused here and nothing is sent', async () => {
    const sent = detail(exportable());
    await screen.findByRole('heading', { name: f.exportTitle });
    await userEvent.type(recipient(), 'ssh-ed25519 AAAAC3Nza');
    await download();
    expect((await screen.findAllByText(f.errors['EVIDENCE.RECIPIENT_INVALID']!)).length).toBeGreaterThan(0);
    expect(recipient().getAttribute('aria-invalid')).toBe('true');
    expect(posts(sent)).toEqual([]);
    expect(saved).toEqual([]);
  });

  it.each([
    ['FOOTAGE.GRANT_ENDED', 409],
    ['EVIDENCE.RECIPIENT_INVALID', 422],
    ['EVIDENCE.CLIP_UNREADABLE', 409],
  ])('the server’s refusal %s is shown translated, nothing is saved', async (code, status) => {
    detail(exportable(), { [EXPORT]: reply(status, problem(status, code)) });
    await screen.findByRole('heading', { name: f.exportTitle });
    await download();
    expect((await screen.findAllByText(f.errors[code]!)).length).toBeGreaterThan(0);
    expect(saved).toEqual([]);
  });

  it.each([
    ['a view-only grant', grantedRequest(), requesterUser, REQUESTER],
    [
      'an ended grant',
      exportable({ state: 'ended', grant: { ...exportable().grant!, live: false } }),
      requesterUser,
      REQUESTER,
    ],
    ['a custodian who is not the requester', exportable(), custodianUser, REQUESTER],
    [
      'the requester without footage:export',
      exportable(),
      requesterUser,
      REQUESTER.filter((p) => p !== 'footage:export'),
    ],
  ] as const)('no export section for %s', async (_, request, user, permissions) => {
    detail(request, {}, { user, permissions: [...permissions] });
    await screen.findByText(f.states[request.state]!);
    expect(section()).toBeNull();
  });

  it('every export text and error exists in English too', () => {
    const en = DICTIONARIES.en.footage;
    expect(en.exportIntro.length).toBe(f.exportIntro.length);
    for (const code of ['EVIDENCE.RECIPIENT_INVALID', 'EVIDENCE.CLIP_UNREADABLE', 'EVIDENCE.KEY_UNREADABLE'])
      expect([code, (en.errors[code] ?? '').length > 0]).toEqual([code, true]);
  });

  it.each([
    ['attachment; filename="bewijsexport-x.zip"', 'bewijsexport-x.zip'],
    ['attachment; filename=bewijsexport-x.zip.age', 'bewijsexport-x.zip.age'],
    ['attachment', undefined],
    [null, undefined],
  ])('fileNameOf(%s) is %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
