/**
 * Residents' requests in the web UI (issue 12 §1), in Chromium against the real server with the
 * demo: a request past its deadline is on the privacy officer's start page and its link opens
 * the request; the privacy officer registers a request with the form (a note that looks like a
 * document number is refused next to its field, in Dutch, and nothing is stored), then starts
 * it; the auditor reads the same request without any action. The pages pass an axe WCAG 2.1 AA scan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable } from '../support/browser.js';
import { axe, clickNavLink, eventually, h1, texts, visible } from '../support/e2e.js';
import { webDemo } from '../support/web-demo.js';

const nl = DICTIONARIES.nl;
const r = nl.rights;
const DAY = 86_400_000;

describe.skipIf(!chromiumAvailable())("residents' requests in the web UI", () => {
  const demo = webDemo();
  let overdueId: string;
  let roomId: string;
  const page = demo.page;
  const requests = async () =>
    (
      await demo.api<{ id: string; status: string; identityNote: string | null }[]>(
        'fg',
        'GET',
        '/api/rights/requests',
      )
    ).body;

  beforeAll(async () => {
    roomId = (await demo.rt().rt.store.read.rooms.list()).find((x) => x.name === 'Spreekkamer 2')!.id;
    // Received 40 days ago: past its deadline (one month, a weekend or holiday at most a few days more).
    const now = demo.rt().rt.clock.now().getTime();
    const res = await demo.api<{ id: string }>('fg', 'POST', '/api/rights/requests', {
      kind: 'erasure',
      channel: 'post',
      receivedAt: new Date(now - 40 * DAY).toISOString(),
      roomId,
      windowFrom: new Date(now - 42 * DAY).toISOString(),
      windowTo: new Date(now - 42 * DAY + 3_600_000).toISOString(),
      requesterContact: 'Dorpsstraat 1, 1234 AB Lindewaard',
      identityMethod: 'known-contact',
    });
    expect(res.status, res.text).toBe(201);
    overdueId = res.body.id;
  });

  it("shows the overdue request on the privacy officer's start page; its link opens it", async () => {
    const p = await page('fg');
    await visible(p.getByRole('heading', { name: nl.todo.groups['answer-request'](1) }));
    const room = 'Stadhuis Lindewaard — Spreekkamer 2';
    await p.getByRole('link', { name: nl.todo['answer-request'].link(room) }).click();
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.erasure!)]);
    expect(p.url()).toContain(`/rights/requests/${overdueId}`);
    await visible(p.getByText(r.deadlineStates.overdue!, { exact: true }));
    await axe(p, 'a request past its deadline');
  });

  it('registers a request with the form; a note with a document number is refused next to its field', async () => {
    const p = await page('fg');
    await clickNavLink(p, nl.nav.rights);
    await eventually(() => texts(h1(p))).toEqual([r.title]);
    await p.getByRole('link', { name: r.newLink }).click();
    await eventually(() => texts(h1(p))).toEqual([r.form.title]);
    await axe(p, 'the new request form');
    await p.getByLabel(r.form.kind).selectOption('access');
    await p.getByLabel(r.form.room).selectOption(roomId);
    await p.getByLabel(r.form.windowFrom).fill('2026-11-02T09:00');
    await p.getByLabel(r.form.windowTo).fill('2026-11-02T11:00');
    await p.getByLabel(r.form.identityNote).fill('paspoort NW1234567 getoond');
    await p.getByLabel(r.form.requesterContact).fill('Dorpsstraat 1, 1234 AB Lindewaard');
    const before = (await requests()).length;
    await p.getByRole('button', { name: r.form.submit }).click();
    // The server's refusal, in Dutch, next to the field (and in the summary).
    await visible(p.getByText(r.errors.documentNumber).first());
    expect(await p.getByLabel(r.form.identityNote).getAttribute('aria-invalid')).toBe('true');
    expect((await requests()).length).toBe(before);

    await p.getByLabel(r.form.identityNote).fill('rijbewijs getoond aan de balie, niet gekopieerd');
    await p.getByRole('button', { name: r.form.submit }).click();
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.access!)]);
    await eventually(async () => (await requests()).length).toBe(before + 1);
    await p.getByRole('button', { name: r.detail.start }).click();
    await visible(p.getByText(r.detail.startedNotice));
    await eventually(async () => (await requests()).find((x) => x.status === 'in-progress')).toBeTruthy();
  });

  it('the auditor reads the request and its timeline, with no action', async () => {
    const p = await page('auditor');
    await p.goto(`${demo.base()}/rights/requests/${overdueId}`);
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.erasure!)]);
    await visible(p.getByRole('table', { name: r.detail.timelineCaption }));
    // No step, clip action or form in the page itself (the header keeps language and log-out).
    await visible(p.getByRole('main'));
    expect(await p.getByRole('main').getByRole('button').count()).toBe(0);
    await p.goto(`${demo.base()}/rights/requests`);
    await eventually(() => texts(h1(p))).toEqual([r.title]);
    await visible(p.getByText(r.readOnly));
    expect(await p.getByRole('link', { name: r.newLink }).count()).toBe(0);
  });
});
