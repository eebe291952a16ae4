/**
 * The assessment wizard and workflow end to end in Chromium against the demo municipality: the DPO
 * (fg) builds an incident-triggered-recording assessment for Spreekkamer 2 × bijstandsgesprek and
 * watches the findings change as she answers (incidents come from the register), records her
 * advice, the views and the human judgement, and submits; the accountable official (secretaris)
 * approves; the room policy view then shows "alleen bij alarm" and the panic view offers the
 * objection switch. Withdrawal switches the policy off again. Suspending recording shows on every
 * screen. Every page passes axe.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WizardStep } from '../../web/src/assessment/paths.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  ensureWebBuild,
  eventually,
  h1,
  openFromNav,
  signIn,
  screenshot,
  STEP_BUDGET_MS,
  texts,
  visible,
} from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const nl = DICTIONARIES.nl;
const tu = nl.assessmentUi;
const ROOM = 'Stadhuis Lindewaard — Spreekkamer 2';

const hasBrowser = chromiumAvailable();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by the start of its label (optional fields carry "(niet verplicht)"). */
const field = (page: Page, label: string): Locator =>
  page.getByLabel(new RegExp(`^${escape(label)}`)).first();
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const inPast = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasBrowser)('assessment wizard and workflow in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    return context.newPage();
  };

  const loginAndWait = (page: Page, username: string): Promise<void> => signIn(page, base, username);

  const open = openFromNav;

  const verdictLine = (page: Page): Locator => page.locator('.pp-wizard__verdict');
  const steps = (page: Page): Locator => page.getByRole('navigation', { name: tu.stepsNav });
  /** The step the step list marks as current. */
  const current = (page: Page): Promise<string | null> =>
    steps(page)
      .locator('[aria-current="step"]')
      .textContent()
      .then((x) => x?.replace(/^\d+/, '') ?? null);
  const next = async (page: Page, step: WizardStep): Promise<void> => {
    await page.getByRole('button', { name: tu.next(tu.steps[step]), exact: true }).click();
    await eventually(() => current(page)).toBe(tu.steps[step]);
  };

  const policyRow = async (page: Page): Promise<Locator> => {
    await open(page, nl.nav.roomPolicy);
    await page.getByLabel(nl.roomPolicy.room, { exact: true }).selectOption({ label: ROOM });
    return page
      .getByRole('table', { name: nl.roomPolicy.caption(ROOM) })
      .getByRole('row', { name: /^Bijstandsgesprek/ });
  };

  beforeAll(async () => {
    ensureWebBuild();
    rt = await startTestRuntime({ demo: true, listen: true, web: true, loginAttemptsPerMinute: 10_000 });
    base = rt.url!;
    // The demo's incidents happen in office hours; NEC-3 compares the parts of the day in which
    // incidents happened with the hours in scope. The wizard's scope here is every hour (so the room
    // policy "now" does not depend on when the test runs), so the register also gets an evening and
    // a night incident in this room and kind of conversation.
    const room = (await rt.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!;
    const type = (await rt.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!;
    await rt.rt.store.transaction(async (repos) => {
      for (const [daysAgo, utcHour] of [
        [20, 19],
        [40, 1],
      ] as const) {
        const at = new Date(Date.now() - daysAgo * 86_400_000);
        at.setUTCHours(utcHour, 30, 0, 0);
        await repos.incidents.insert({
          id: `e2e-late-${daysAgo}`,
          siteId: room.siteId,
          roomId: room.id,
          conversationTypeId: type.id,
          occurredAt: at.toISOString(),
          source: 'manual',
          kind: 'intimidation-threat',
          severity: 3,
          injury: false,
          policeReport: true,
          policeReference: `PL0999-E2E-${daysAgo}`,
          followUp: null,
          narrative: null,
          reportedBy: 'demo',
          reportedAt: at.toISOString(),
          createdAt: at.toISOString(),
        });
      }
    });
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  it('fg builds an incident-triggered-recording assessment with live findings; secretaris approves; the room policy follows', async () => {
    const fg = await newPage();
    await loginAndWait(fg, 'fg');
    await open(fg, nl.nav.assessments);
    await fg.getByRole('button', { name: nl.assessments.add, exact: true }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments/new');
    await visible(steps(fg).getByRole('link', { name: tu.steps.measure, exact: true }));
    expect(await current(fg)).toBe(tu.steps.measure);
    await fg
      .getByLabel(nl.wizard.titleLabel, { exact: true })
      .fill('Opname bij alarm in Spreekkamer 2, bijstandsgesprekken');
    expect(await fg.getByLabel(nl.wizard.measure, { exact: true }).inputValue()).toBe('incident-recording');
    await visible(verdictLine(fg).getByText(new RegExp(`^${escape(nl.wizard.incomplete)}`)));

    // Scope: the findings appear in the summary beside the form, with what blocks the verdict.
    await fg.getByRole('group', { name: nl.wizard.rooms }).getByLabel(ROOM, { exact: true }).check();
    await fg
      .getByRole('group', { name: nl.wizard.types })
      .getByLabel('Bijstandsgesprek (gevoelig)', { exact: true })
      .check();
    await visible(verdictLine(fg).getByText(/^Oordeel: niet toegestaan — \d+ blokkerend/));
    const blockingAtFirst = Number(/(\d+) blokkerend/.exec(await verdictLine(fg).innerText())?.[1]);
    expect(blockingAtFirst).toBeGreaterThan(0);
    const blocking = fg.getByRole('list', { name: tu.blocking });
    const lb2 = blocking.getByRole('link', { name: /^LB-2 / });
    await visible(lb2);
    await axe(fg, 'wizard, first step, with the summary');
    await screenshot(fg, 'assessment-wizard-step-1.png');

    // The blocking finding links to the question that changes it: the provision of law clears LB-2.
    await lb2.click();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments/new/basis');
    expect(await current(fg)).toBe(tu.steps.basis);
    expect(await fg.evaluate(() => document.activeElement?.id)).toBe('wiz-provision');
    await field(fg, nl.wizard.provision).fill(
      'Arbeidsomstandighedenwet art. 3 lid 2 en Arbeidsomstandighedenbesluit art. 2.15',
    );
    await eventually(() => blocking.getByRole('link', { name: /^LB-2 / }).count()).toBe(0);
    await eventually(async () =>
      Number(/(\d+) blokkerend/.exec(await verdictLine(fg).innerText())?.[1]),
    ).toBeLessThan(blockingAtFirst);

    // Back to the purpose through the step list; then step by step with "Volgende".
    await steps(fg).getByRole('link', { name: tu.steps.purpose, exact: true }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments/new/purpose');
    await field(fg, nl.wizard.purposeText).fill(
      'Bij een alarm tijdens een bijstandsgesprek in Spreekkamer 2 direct hulp halen en beeldbewijs vastleggen van het incident voor aangifte bij de politie',
    );
    const kinds = fg.getByRole('group', { name: nl.wizard.purposeKinds });
    await kinds.getByLabel(nl.assessments.purposeKinds['immediate-help']!, { exact: true }).check();
    await kinds.getByLabel(nl.assessments.purposeKinds.evidence!, { exact: true }).check();
    await next(fg, 'basis');
    await next(fg, 'evidence');
    // The incidents come from the register by themselves.
    await visible(fg.getByText(/^Uit het incidentregister: [1-9]\d* incident/).first());
    await next(fg, 'alternatives');
    const alternatives: [string, string, string][] = [
      ['room-design', 'in-place-insufficient', 'Vluchtdeur aanwezig; levert geen bewijs.'],
      ['de-escalation', 'in-place-insufficient', 'Training ingevoerd; incidenten bleven.'],
      ['second-staff-member', 'in-place-insufficient', 'Getuigen waren onvoldoende voor vervolging.'],
      ['host-nearby', 'in-place-insufficient', 'De beveiliger ziet niet wat in de kamer gebeurt.'],
      ['alarm-button', 'in-place-insufficient', 'Haalt hulp maar legt niets vast.'],
      ['live-view', 'considered-insufficient', 'Ingrijpender en levert geen bewijs.'],
    ];
    for (const [m, status, reasons] of alternatives) {
      const name = nl.assessments.measures[m]!;
      await fg.getByLabel(nl.wizard.alternativeStatus(name), { exact: true }).selectOption(status);
      await fg.getByLabel(nl.wizard.alternativeReasons(name), { exact: true }).fill(reasons);
    }
    await next(fg, 'safeguards');
    await fg.getByLabel(nl.wizard.sign, { exact: true }).check();
    await fg.getByLabel(nl.wizard.secondLayer, { exact: true }).check();
    await field(fg, tu.letter).fill(
      'In Spreekkamer 2 hangt een camera. Die neemt alleen op als de medewerker alarm slaat.',
    );
    await field(fg, nl.wizard.worksCouncil).fill(inPast(30));
    await field(fg, nl.wizard.retention).fill('72');
    await fg.getByLabel(nl.wizard.automaticDeletion, { exact: true }).check();
    await field(fg, nl.wizard.accessRoles).fill('beveiligingscoördinator, FG');
    for (const l of [
      nl.wizard.fourEyes,
      nl.wizard.logged,
      nl.wizard.encrypted,
      nl.wizard.noStaffUse,
      nl.wizard.rights,
    ])
      await fg.getByLabel(l, { exact: true }).check();
    await fg.getByRole('group', { name: tu.objection }).getByLabel(tu.objectionYes, { exact: true }).check();
    await fg.getByLabel(tu.reviewDate, { exact: true }).fill(inFuture(365));
    await axe(fg, 'wizard, safeguards');
    await screenshot(fg, 'assessment-wizard-safeguards.png');
    await next(fg, 'dpia');
    await field(fg, nl.wizard.dpiaDate).fill(inPast(10));
    await fg.getByLabel(nl.wizard.residualRisk, { exact: true }).selectOption('medium');
    await fg
      .getByRole('group', { name: nl.wizard.people })
      .getByLabel(nl.wizard.vulnerable, { exact: true })
      .check();
    // The refusal question has no answer until one is picked.
    const refusal = fg.getByRole('group', { name: tu.conditionsAccess });
    expect(await refusal.getByRole('radio', { checked: true }).count()).toBe(0);
    await refusal.getByLabel(tu.conditionsAccessNo, { exact: true }).check();
    await next(fg, 'review');

    await visible(verdictLine(fg).getByText(/^Oordeel: toegestaan onder voorwaarden — 0 blokkerend/));
    // The invitation letter is answered: TRN-1 asks for nothing more.
    const openList = fg.getByRole('list', { name: tu.open });
    await visible(openList);
    expect(await openList.getByText(/^TRN-1/).count()).toBe(0);
    const findings = fg.getByRole('table', { name: nl.wizard.findingsCaption });
    await visible(findings.getByRole('row', { name: /^LB-2 / }).getByText(nl.assessments.outcomes.pass!));
    await visible(findings.getByRole('row', { name: /^TRN-1 / }).getByText(nl.assessments.outcomes.pass!));
    await visible(findings.getByRole('row', { name: /^PROP-1 / }).getByText(nl.assessments.outcomes.review!));
    const comparison = fg.getByRole('table', { name: nl.wizard.comparisonCaption });
    await visible(comparison.getByRole('rowheader', { name: /^Mobiele alarmknop|^Alarmknop/ }).first());
    await eventually(() => comparison.getByRole('row').count()).toBe(11);
    await axe(fg, 'wizard with live findings');
    await screenshot(fg, 'assessment-wizard-live-findings.png');

    // Browser Back and Forward move between the steps; the answers stay.
    await fg.goBack();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments/new/dpia');
    expect(await field(fg, nl.wizard.dpiaDate).inputValue()).toBe(inPast(10));
    await fg.goForward();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments/new/review');

    await fg.getByRole('button', { name: nl.wizard.save, exact: true }).click();
    await visible(fg.getByRole('status').filter({ hasText: nl.wizard.saved }));
    await visible(fg.getByText(nl.workflow.latest(1, nl.assessments.statuses.draft!)));

    // The DPO's advice, the views, the human judgement on PROP-1, then submission.
    await fg
      .getByLabel(nl.workflow.adviceText, { exact: true })
      .fill(
        'Opname alleen bij alarm, zonder geluid, 72 uur: passend gezien de incidenten met aangifte in deze kamer.',
      );
    await fg.getByRole('button', { name: nl.workflow.recordAdvice, exact: true }).click();
    await visible(fg.getByText(/^Advies van Mr\. Pieter Hoekstra \(FG\)/));
    await fg
      .getByLabel(nl.workflow.summary, { exact: true })
      .fill('Cliëntenraad: alleen bij alarm, nooit geluid, bezwaar zet direct uit.');
    await fg.getByRole('button', { name: nl.workflow.recordViews, exact: true }).click();
    await visible(fg.getByText(new RegExp(`^${escape(nl.workflow.viewsDone)}`)));
    await fg.getByLabel(nl.workflow.judgementOutcome('PROP-1'), { exact: true }).selectOption('pass');
    await fg
      .getByLabel(nl.workflow.judgementReasons('PROP-1'), { exact: true })
      .fill(
        'Meerdere ernstige incidenten met aangifte in juist deze kamer en dit soort gesprek weerleggen het vermoeden.',
      );
    await fg.getByRole('button', { name: nl.workflow.recordJudgement('PROP-1'), exact: true }).click();
    await visible(fg.getByText(/^PROP-1: voldoet \(Mr\. Pieter Hoekstra \(FG\)\)/));
    await axe(fg, 'assessment workflow (draft)');
    await fg.getByRole('button', { name: nl.workflow.submit, exact: true }).click();
    await visible(fg.getByText(nl.workflow.latest(1, nl.assessments.statuses.submitted!)));
    const reportHref = await fg.getByRole('link', { name: nl.workflow.reportNl }).getAttribute('href');
    const report = await fg.evaluate(async (href) => (await fetch(href ?? '')).text(), reportHref);
    expect(report).toContain('PROP-1');
    // Submitted, not approved: no register entry yet.
    await visible(fg.getByText(nl.workflow.ropaNotYet));
    expect(await fg.getByRole('link', { name: nl.workflow.ropaPdf }).count()).toBe(0);

    // The accountable official approves.
    const sec = await newPage();
    await loginAndWait(sec, 'secretaris');
    await open(sec, nl.nav.assessments);
    await sec
      .getByRole('button', {
        name: nl.assessments.open('Opname bij alarm in Spreekkamer 2, bijstandsgesprekken'),
      })
      .click();
    // The decision maker reads the findings before the decision form.
    const findingsAt = await sec.getByRole('heading', { level: 2, name: nl.wizard.findings }).boundingBox();
    const decisionAt = await sec.getByLabel(nl.workflow.decisionOutcome, { exact: true }).boundingBox();
    expect(findingsAt!.y).toBeLessThan(decisionAt!.y);
    await sec.getByLabel(nl.workflow.decisionOutcome, { exact: true }).selectOption('approved');
    await sec
      .getByLabel(nl.workflow.decisionReasons, { exact: true })
      .fill('Noodzakelijk en proportioneel; lichtere middelen zijn onvoldoende.');
    await axe(sec, 'decision form');
    await sec.getByRole('button', { name: nl.workflow.decide, exact: true }).click();
    await visible(sec.getByText(/^Besluit: goedgekeurd door Drs\. Anouk Jansen/));
    await visible(sec.getByText(nl.workflow.latest(1, nl.assessments.statuses.approved!)));

    // The documents: the report as web page and PDF in both languages, and now the register entry.
    const documents = sec.getByRole('region', { name: nl.workflow.documents });
    const hrefOf = (name: string) => documents.getByRole('link', { name, exact: true }).getAttribute('href');
    for (const [name, path] of [
      [nl.workflow.reportHtmlNl, /\/report\.html\?lang=nl&version=1$/],
      [nl.workflow.reportHtmlEn, /\/report\.html\?lang=en&version=1$/],
      [nl.workflow.reportPdfNl, /\/report\.pdf\?lang=nl&version=1$/],
      [nl.workflow.reportPdfEn, /\/report\.pdf\?lang=en&version=1$/],
      [nl.workflow.reportNl, /\/report\.md\?lang=nl&version=1$/],
      [nl.workflow.ropaPdf, /\/ropa\.pdf\?version=1$/],
      [nl.workflow.ropaJson, /\/ropa\.json\?version=1$/],
    ] as const)
      expect(await hrefOf(name), name).toMatch(path);
    // The links answer with the page's own session cookie.
    const fetchLink = async (page: Page, href: string | null) => {
      const res = await page.request.get(new URL(href ?? '', base).toString());
      return { status: res.status(), type: res.headers()['content-type'] ?? '', body: await res.body() };
    };
    for (const name of [nl.workflow.reportPdfNl, nl.workflow.reportPdfEn, nl.workflow.ropaPdf]) {
      const r = await fetchLink(sec, await hrefOf(name));
      expect(r.status, name).toBe(200);
      expect(r.type, name).toContain('application/pdf');
      expect(r.body.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
    }
    const html = await fetchLink(sec, await hrefOf(nl.workflow.reportHtmlEn));
    expect(html.status).toBe(200);
    expect(html.type).toContain('text/html');
    const ropa = await fetchLink(sec, await hrefOf(nl.workflow.ropaJson));
    expect(ropa.status).toBe(200);
    expect(ropa.type).toContain('application/json');
    await axe(sec, 'assessment with its documents');

    // The room policy shows incident-triggered recording for this room and kind of conversation only.
    const row = await policyRow(sec);
    await visible(row.getByText(nl.roomPolicy.modes['incident-triggered']!));
    await visible(row.getByText(nl.roomPolicy.rolls(30, 120)));
    await visible(row.getByText(nl.roomPolicy.hours(72)));
    const other = sec
      .getByRole('table', { name: nl.roomPolicy.caption(ROOM) })
      .getByRole('row', { name: /^Schuldhulpgesprek/ });
    await visible(other.getByText(nl.roomPolicy.modes.off!, { exact: true }));

    // What residents are told: the sign (PDF), the public privacy page, the letter paragraph to copy.
    const info = sec.getByRole('region', { name: nl.roomPolicy.transparency(ROOM) });
    const sign = await info.getByRole('link', { name: nl.roomPolicy.sign, exact: true }).getAttribute('href');
    expect(sign).toMatch(/^\/api\/rooms\/[^/]+\/sign\.pdf$/);
    const signRes = await sec.request.get(new URL(sign ?? '', base).toString());
    expect(signRes.status()).toBe(200);
    expect(signRes.headers()['content-type']).toContain('application/pdf');
    const privacy = await info
      .getByRole('link', { name: nl.roomPolicy.privacyPage, exact: true })
      .getAttribute('href');
    expect(privacy).toMatch(/^\/api\/public\/rooms\/[^/]+\/privacy$/);
    // Public: answers without any session.
    const publicRes = await fetch(new URL(privacy ?? '', base));
    expect(publicRes.status).toBe(200);
    expect(publicRes.headers.get('content-type')).toContain('text/html');
    const roomId = /\/api\/rooms\/([^/]+)\//.exec(sign ?? '')![1]!;
    const texts = (await (
      await sec.request.get(new URL(`/api/rooms/${roomId}/transparency`, base).toString())
    ).json()) as { letterParagraph: { nl: string; en: string } };
    const letter = info.getByRole('region', { name: nl.roomPolicy.letterTitle.nl });
    await visible(letter.getByText(texts.letterParagraph.nl));
    await sec.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await letter.getByRole('button', { name: nl.roomPolicy.copy.nl, exact: true }).click();
    await visible(letter.getByRole('status').getByText(nl.roomPolicy.copied));
    expect(await sec.evaluate(() => navigator.clipboard.readText())).toBe(texts.letterParagraph.nl);
    await visible(
      info.getByRole('region', { name: nl.roomPolicy.letterTitle.en }).getByText(texts.letterParagraph.en),
    );
    await axe(sec, 'room policy');
    await screenshot(sec, 'room-policy.png');

    // The front desk gets the objection switch in this room for this kind of conversation.
    const balie = await newPage();
    await loginAndWait(balie, 'balie');
    await open(balie, nl.nav.panic);
    await balie.getByLabel(nl.panic.room, { exact: true }).selectOption({ label: ROOM });
    await balie.getByLabel(nl.panic.kind, { exact: true }).selectOption({ label: 'Bijstandsgesprek' });
    await balie.getByRole('button', { name: nl.panic.start, exact: true }).click();
    const objection = balie.getByRole('button', {
      name: `${nl.panic.objection} — Spreekkamer 2`,
      exact: true,
    });
    await visible(objection);
    await axe(balie, 'panic view with the objection switch');
    await objection.click();
    await visible(balie.getByText(nl.panic.objectionDone));
    await balie.getByRole('button', { name: nl.panic.end('Spreekkamer 2'), exact: true }).click();

    // Withdrawal switches the policy off at once.
    await open(fg, nl.nav.assessments);
    await fg
      .getByRole('button', {
        name: nl.assessments.open('Opname bij alarm in Spreekkamer 2, bijstandsgesprekken'),
      })
      .click();
    // Withdrawal is closed until asked for, and then asks to confirm.
    expect(await fg.getByLabel(nl.workflow.withdrawReason, { exact: true }).count()).toBe(0);
    await fg.getByRole('button', { name: tu.withdrawOpen, exact: true }).click();
    await visible(fg.getByText(tu.withdrawWarning));
    await fg
      .getByLabel(nl.workflow.withdrawReason, { exact: true })
      .fill('Camera vervangen; nieuwe afweging volgt.');
    await axe(fg, 'withdrawal, opened');
    await fg.getByRole('button', { name: tu.withdrawConfirm, exact: true }).click();
    await visible(fg.getByText(nl.workflow.withdrawn('Camera vervangen; nieuwe afweging volgt.')));
    const after = await policyRow(sec);
    await visible(after.getByText(nl.roomPolicy.modes.off!, { exact: true }));
  });

  it('an assessment has its own address: opened by link, back and forward work, an unknown id is not found', async () => {
    const room = (await rt.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!;
    const type = (await rt.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!;
    // The example, less what the workflow records itself (advice, views, judgements, incidents).
    const { humanJudgements: _judgements, ...scenario } = JSON.parse(
      readFileSync(
        path.resolve(import.meta.dirname, '../../examples/incident-triggered-recording.json'),
        'utf8',
      ),
    ) as Record<string, unknown> & {
      scope: object;
      safeguards: object & { dpoAdviceDate?: string };
      dpia: object & { dataSubjectViews?: unknown };
      evidence: object & { incidents?: unknown };
    };
    const { dpoAdviceDate: _advice, ...safeguards } = scenario.safeguards;
    const { dataSubjectViews: _views, ...dpia } = scenario.dpia;
    const { incidents: _incidents, ...evidence } = scenario.evidence;
    const title = 'Adres van een afweging';
    const fgApi = await loginAs(rt.app, 'fg');
    const created = await rt.app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: fgApi.headers,
      payload: {
        scenario: {
          ...scenario,
          safeguards,
          dpia,
          evidence,
          title,
          scope: {
            ...scenario.scope,
            rooms: [{ id: room.id, name: room.name }],
            conversationTypes: [{ id: type.id, name: type.nameNl, sensitive: true }],
          },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ assessment: { id: string } }>().assessment.id;

    const fg = await newPage();
    await loginAndWait(fg, 'fg');
    await fg.goto(`${base}/assessments/${id}`);
    await visible(fg.getByRole('heading', { level: 2, name: title }));
    await fg.getByRole('link', { name: nl.assessments.back, exact: true }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments');
    await fg.getByRole('button', { name: nl.assessments.open(title) }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe(`/assessments/${id}`);
    await visible(fg.getByRole('heading', { level: 2, name: title }));
    await fg.getByRole('button', { name: nl.workflow.edit, exact: true }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe(`/assessments/${id}/edit`);
    expect(await fg.getByLabel(nl.wizard.titleLabel, { exact: true }).inputValue()).toBe(title);
    // The draft of version 1 is the author's own and untouched: saving changes it in place.
    await visible(fg.getByRole('heading', { level: 2, name: tu.titleEditDraft(1) }));

    // Unsaved input: leaving through the menu asks first; staying keeps the answers.
    await fg.getByLabel(nl.wizard.titleLabel, { exact: true }).fill(`${title} (gewijzigd)`);
    const asked: string[] = [];
    fg.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await fg
      .getByRole('navigation', { name: nl.mainNav })
      .getByRole('link', { name: nl.nav.start, exact: true })
      .click();
    await eventually(() => Promise.resolve(asked)).toEqual([tu.leave]);
    expect(new URL(fg.url()).pathname).toBe(`/assessments/${id}/edit`);
    expect(await fg.getByLabel(nl.wizard.titleLabel, { exact: true }).inputValue()).toBe(
      `${title} (gewijzigd)`,
    );
    // Browser Back asks too; leaving discards the answers.
    fg.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await fg.goBack();
    await eventually(() => Promise.resolve(asked.length)).toBe(2);
    await eventually(async () => new URL(fg.url()).pathname).toBe(`/assessments/${id}`);
    await visible(fg.getByRole('heading', { level: 2, name: title }));
    await fg.goBack();
    await eventually(async () => new URL(fg.url()).pathname).toBe('/assessments');
    await visible(fg.getByRole('button', { name: nl.assessments.open(title) }));
    await fg.goForward();
    await visible(fg.getByRole('heading', { level: 2, name: title }));

    // Every version has its own address, with its findings and its reports.
    await fg.getByRole('link', { name: tu.version(1), exact: true }).click();
    await eventually(async () => new URL(fg.url()).pathname).toBe(`/assessments/${id}/versions/1`);
    await visible(fg.getByRole('heading', { level: 2, name: tu.versionOf(title, 1) }));
    await visible(fg.getByRole('link', { name: nl.workflow.reportHtmlNl, exact: true }));
    await axe(fg, 'one version of an assessment');
    await fg.goBack();
    await visible(fg.getByRole('heading', { level: 2, name: title }));

    await fg.goto(`${base}/assessments/no-such-assessment`);
    await eventually(() => texts(h1(fg))).toEqual([nl.notFound.title]);
    await axe(fg, 'an unknown assessment');
  });

  it('suspending recording shows on every screen until it is resumed', async () => {
    const admin = await newPage();
    await loginAndWait(admin, 'beheer');
    await open(admin, nl.nav.recording);
    await axe(admin, 'recording switches');
    await admin.getByRole('button', { name: nl.recording.suspend, exact: true }).click();
    await admin
      .getByLabel(nl.recording.scope, { exact: true })
      .selectOption({ label: 'Stadhuis Lindewaard' });
    await admin
      .getByLabel(nl.recording.reason, { exact: true })
      .fill('Storing in de opslag; onderzoek loopt.');
    await admin.getByRole('button', { name: nl.recording.suspend, exact: true }).click();
    await visible(admin.getByRole('status').filter({ hasText: nl.recording.suspended }));

    // The front desk records objections, so it must see that recording is off (core/health.ts).
    const balie = await newPage();
    await loginAndWait(balie, 'balie');
    for (const label of [nl.nav.start, nl.nav.panic, nl.nav.roomPolicy]) {
      if (label !== nl.nav.start) await open(balie, label);
      await visible(
        balie
          .getByRole('region', { name: nl.health.label })
          .getByText(
            /^Opname stilgelegd voor Stadhuis Lindewaard sinds .* — reden: Storing in de opslag; onderzoek loopt\.$/,
          ),
      );
    }
    await axe(balie, 'room policy with the suspension banner');

    await admin
      .getByRole('button', { name: nl.recording.resume('Stadhuis Lindewaard'), exact: true })
      .click();
    await admin.getByLabel(nl.recording.resumeReason, { exact: true }).fill('Opslag hersteld.');
    await admin
      .getByRole('button', { name: nl.recording.resume('Stadhuis Lindewaard'), exact: true })
      .first()
      .click();
    await visible(admin.getByRole('status').filter({ hasText: nl.recording.resumedDone }));
    await balie.reload();
    await eventually(() => texts(h1(balie))).toEqual([nl.roomPolicy.title]);
    await eventually(() => balie.getByText(/^Opname stilgelegd voor Stadhuis Lindewaard/).count()).toBe(0);
  });
});
