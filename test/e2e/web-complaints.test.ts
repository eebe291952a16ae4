/**
 * Complaints and regulator inquiries in the web UI (issue 12 §3), in Chromium against the real
 * server with the demo: a complaint past its six weeks is on the privacy officer's start page and
 * its link opens it; the privacy officer registers a complaint with the form (a summary holding a
 * citizen service number is refused next to its field, in Dutch, and nothing is stored), finds it
 * in the register, starts it and answers it; the auditor reads the same complaint without any
 * action. The pages pass an axe WCAG 2.1 AA scan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable } from '../support/browser.js';
import { axe, clickNavLink, eventually, h1, texts, visible } from '../support/e2e.js';
import { webDemo } from '../support/web-demo.js';

const nl = DICTIONARIES.nl;
const c = nl.complaints;
const DAY = 86_400_000;
const OVERDUE = 'Camera in de wachtruimte zonder bord';
const NEW = 'Opname zonder waarschuwing';

describe.skipIf(!chromiumAvailable())('complaints and regulator inquiries in the web UI', () => {
  const demo = webDemo();
  let overdueId: string;
  let siteId: string;
  const page = demo.page;
  const complaints = async () =>
    (
      await demo.api<{ id: string; subject: string; status: string; outcome: string | null }[]>(
        'fg',
        'GET',
        '/api/complaints',
      )
    ).body;

  beforeAll(async () => {
    siteId = (await demo.rt().rt.store.read.sites.list())[0]!.id;
    // Received 60 days ago: past its six weeks (a holiday moves the end by a few days at most).
    const now = demo.rt().rt.clock.now().getTime();
    const res = await demo.api<{ id: string }>('fg', 'POST', '/api/complaints', {
      kind: 'complaint',
      source: 'staff',
      receivedAt: new Date(now - 60 * DAY).toISOString(),
      siteId,
      subject: OVERDUE,
    });
    expect(res.status, res.text).toBe(201);
    overdueId = res.body.id;
  });

  it("shows the overdue complaint on the privacy officer's start page; its link opens it", async () => {
    const p = await page('fg');
    await visible(p.getByRole('heading', { name: nl.todo.groups['answer-complaint'](1) }));
    await p.getByRole('link', { name: nl.todo['answer-complaint'].link(OVERDUE) }).click();
    await eventually(() => texts(h1(p))).toEqual([c.detail.title(c.kinds.complaint!, OVERDUE)]);
    expect(p.url()).toContain(`/complaints/${overdueId}`);
    await visible(p.getByText(c.deadlineStates.overdue!, { exact: true }));
    await axe(p, 'a complaint past its deadline');
  });

  it('registers a complaint with the form, finds it in the register, starts and answers it', async () => {
    const p = await page('fg');
    await clickNavLink(p, nl.nav.complaints);
    await eventually(() => texts(h1(p))).toEqual([c.title]);
    await axe(p, 'the complaints register');
    await p.getByRole('link', { name: c.newLink }).click();
    await eventually(() => texts(h1(p))).toEqual([c.form.title]);
    await axe(p, 'the new complaint form');
    await p.getByLabel(c.form.kind).selectOption('complaint');
    await p.getByLabel(c.form.source).selectOption('resident');
    await p.getByLabel(c.form.site).selectOption(siteId);
    await p.getByLabel(c.form.fromName).fill('A. Bakker');
    await p.getByLabel(c.form.fromContact).fill('Kerkstraat 2, 1234 AB Lindewaard');
    await p.getByLabel(c.form.subject).fill(NEW);
    await p.getByLabel(c.form.summary).fill('Bewoner met BSN 123456789 zag de camera');
    const before = (await complaints()).length;
    await p.getByRole('button', { name: c.form.submit }).click();
    // The server's refusal, in Dutch, next to the field (and in the summary).
    await visible(p.getByText(c.errors.bsn).first());
    expect(await p.getByLabel(c.form.summary).getAttribute('aria-invalid')).toBe('true');
    expect((await complaints()).length).toBe(before);

    await p.getByLabel(c.form.summary).fill('De bewoner zag de camera en kreeg geen uitleg.');
    await p.getByRole('button', { name: c.form.submit }).click();
    await eventually(() => texts(h1(p))).toEqual([c.detail.title(c.kinds.complaint!, NEW)]);
    await eventually(async () => (await complaints()).length).toBe(before + 1);

    // In the register, filtered to the new ones in the address; its row opens it again.
    await p.getByRole('link', { name: c.back }).click();
    await eventually(() => texts(h1(p))).toEqual([c.title]);
    await p.getByLabel(c.col.status).selectOption('received');
    await p.getByRole('button', { name: c.apply }).click();
    await eventually(async () => p.url()).toContain('/complaints?status=received');
    const table = p.getByRole('table', { name: c.caption });
    await visible(table.getByRole('link', { name: new RegExp(`^${NEW}`) }));
    await table.getByRole('link', { name: new RegExp(`^${NEW}`) }).click();
    await eventually(() => texts(h1(p))).toEqual([c.detail.title(c.kinds.complaint!, NEW)]);

    await p.getByRole('button', { name: c.detail.start }).click();
    await visible(p.getByText(c.detail.startedNotice));
    await eventually(async () => (await complaints()).find((x) => x.subject === NEW)?.status).toBe(
      'in-progress',
    );

    await p.getByRole('button', { name: c.detail.answer }).click();
    await p.getByRole('radio', { name: c.outcomes.unfounded }).check();
    await p.getByLabel(c.detail.explanation).fill('Het bord hangt bij de ingang; de bewoner kreeg uitleg.');
    await p.getByRole('button', { name: c.detail.answerSubmit }).last().click();
    await visible(p.getByText(c.detail.answeredNotice));
    await eventually(async () => (await complaints()).find((x) => x.subject === NEW)).toMatchObject({
      status: 'answered',
      outcome: 'unfounded',
    });
    // The timeline names the privacy officer and the steps.
    const timeline = p.getByRole('table', { name: c.detail.timelineCaption });
    await visible(timeline.getByText(c.detail.events.started!));
    expect(await timeline.getByText(/^Beantwoord: Ongegrond/).count()).toBe(1);
    await axe(p, 'an answered complaint');
  });

  it('the auditor reads the complaint and its timeline, with no action', async () => {
    const p = await page('auditor');
    await p.goto(`${demo.base()}/complaints/${overdueId}`);
    await eventually(() => texts(h1(p))).toEqual([c.detail.title(c.kinds.complaint!, OVERDUE)]);
    await visible(p.getByRole('table', { name: c.detail.timelineCaption }));
    await visible(p.getByRole('main'));
    expect(await p.getByRole('main').getByRole('button').count()).toBe(0);
    await p.goto(`${demo.base()}/complaints`);
    await eventually(() => texts(h1(p))).toEqual([c.title]);
    await visible(p.getByText(c.readOnly));
    expect(await p.getByRole('link', { name: c.newLink }).count()).toBe(0);
  });
});
