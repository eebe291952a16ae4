import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, reply, serveApi, type Answers } from '../test/harness.js';
import { problem, viewingRequest } from '../test/footage-fixtures.js';
import { RequestForm } from './RequestForm.js';
import type { ViewingRequest } from './types.js';

const f = nl.footage;
const PATH = 'POST /api/footage/requests';

const form = (answers: Answers = {}) => {
  const sent = serveApi(answers);
  const done: ViewingRequest[] = [];
  let cancelled = 0;
  renderPage(
    <RequestForm
      clipId="clip-1"
      clipLabel="2 mrt 2026 10:04:30"
      onDone={(r) => done.push(r)}
      onCancel={() => (cancelled += 1)}
    />,
    { permissions: ['footage:request'] },
  );
  return { sent, done, cancelled: () => cancelled };
};

const reason = () => screen.getByLabelText(new RegExp(`^${f.reason}`));
const ground = (label: string) => screen.getByRole('radio', { name: label });
const submit = () => userEvent.click(screen.getByRole('button', { name: f.submitRequest }));
const summaryLinks = () => screen.getAllByRole('link').map((l) => l.textContent);

describe('RequestForm ("Inzage aanvragen")', () => {
  it('opens with focus in the reason, and every legal ground is a radio button read with its explanation', () => {
    form();
    expect(document.activeElement).toBe(reason());
    for (const g of Object.values(f.grounds)) {
      const radio = ground(g.label);
      const described = (radio.getAttribute('aria-describedby') ?? '').split(' ');
      expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(g.explain);
    }
    // Viewing is the default purpose; the police report number is asked only for a police report.
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: f.purposes.view.label }).checked).toBe(
      true,
    );
    expect(screen.queryByLabelText(new RegExp(`^${f.policeReport}`))).toBeNull();
  });

  it('an empty form names the reason and the legal ground in the summary, which takes focus, and sends nothing', async () => {
    const { sent, done } = form();
    await submit();
    expect(summaryLinks()).toEqual([`${f.reason}: ${nl.required}`, `${f.legalGroundLegend}: ${nl.required}`]);
    const summary = screen.getByRole('heading', { name: nl.errorSummaryTitle }).closest('.pp-error-summary');
    expect(document.activeElement).toBe(summary);
    expect(reason().getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(done).toEqual([]);
  });

  it('a reason shorter than 10 characters is refused here', async () => {
    const { sent } = form();
    await userEvent.type(reason(), 'kort');
    await userEvent.click(ground(f.grounds.complaint.label));
    await submit();
    expect(summaryLinks()).toEqual([`${f.reason}: ${f.reasonTooShort(10)}`]);
    expect(sent).toEqual([]);
  });

  it('a police report needs its number, and export is only allowed with a police report', async () => {
    const { sent } = form();
    await userEvent.type(reason(), 'Aangifte van bedreiging');
    await userEvent.click(ground(f.grounds['own-investigation'].label));
    await userEvent.click(screen.getByRole('checkbox', { name: f.purposes.export.label }));
    await submit();
    expect(summaryLinks()).toEqual([`${f.purposesLegend}: ${f.exportNeedsPolice}`]);

    await userEvent.click(ground(f.grounds['police-report'].label));
    await submit();
    expect(summaryLinks()).toEqual([`${f.policeReport}: ${nl.required}`]);
    expect(sent).toEqual([]);
  });

  it('a complete request is posted as the API names it and handed back', async () => {
    const created = viewingRequest({
      legalGround: 'police-report',
      policeReport: '2026-123456',
      purposes: ['view', 'export'],
    });
    const { sent, done } = form({ [PATH]: reply(201, created) });
    await userEvent.type(reason(), '  Aangifte van bedreiging aan de balie  ');
    await userEvent.click(ground(f.grounds['police-report'].label));
    await userEvent.type(screen.getByLabelText(new RegExp(`^${f.policeReport}`)), '2026-123456');
    await userEvent.click(screen.getByRole('checkbox', { name: f.purposes.export.label }));
    await submit();

    await screen.findByRole('button', { name: f.submitRequest });
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/footage/requests',
        body: {
          clipId: 'clip-1',
          reason: 'Aangifte van bedreiging aan de balie',
          legalGround: 'police-report',
          purposes: ['view', 'export'],
          policeReport: '2026-123456',
        },
      },
    ]);
    expect(done.map((r) => r.id)).toEqual(['vr-1']);
  });

  it('a request without a police report sends no police report number', async () => {
    const { sent } = form({ [PATH]: reply(201, viewingRequest()) });
    await userEvent.type(reason(), 'Eigen onderzoek naar het incident');
    await userEvent.click(ground(f.grounds['subject-access'].label));
    await submit();
    await screen.findByRole('button', { name: f.submitRequest });
    expect(sent.map((s) => s.body)).toEqual([
      {
        clipId: 'clip-1',
        reason: 'Eigen onderzoek naar het incident',
        legalGround: 'subject-access',
        purposes: ['view'],
      },
    ]);
  });

  it.each([
    ['CUSTODY.NOT_SET_UP', 409],
    ['FOOTAGE.CLIP_NOT_SEALED', 409],
  ])('the refusal %s is shown in Dutch, without the server’s English detail', async (code, status) => {
    const { done } = form({ [PATH]: reply(status, problem(status, code)) });
    await userEvent.type(reason(), 'Eigen onderzoek naar het incident');
    await userEvent.click(ground(f.grounds['own-investigation'].label));
    await submit();
    const summary = (await screen.findByRole('heading', { name: nl.errorSummaryTitle })).closest(
      '.pp-error-summary',
    );
    expect(summary?.textContent).toContain(f.errors[code]);
    expect(summary?.textContent).not.toContain('server says');
    expect(done).toEqual([]);
  });

  it('the server’s "police report required" lands next to the police report field', async () => {
    form({ [PATH]: reply(422, problem(422, 'FOOTAGE.POLICE_REPORT_REQUIRED')) });
    await userEvent.type(reason(), 'Aangifte van bedreiging');
    await userEvent.click(ground(f.grounds['police-report'].label));
    await userEvent.type(screen.getByLabelText(new RegExp(`^${f.policeReport}`)), '   x');
    await submit();
    expect(
      await screen.findByRole('link', {
        name: `${f.policeReport}: ${f.errors['FOOTAGE.POLICE_REPORT_REQUIRED']}`,
      }),
    ).toBeTruthy();
  });

  it('the server’s "export needs a police report" lands next to the purposes', async () => {
    form({ [PATH]: reply(422, problem(422, 'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT')) });
    await userEvent.type(reason(), 'Aangifte van bedreiging');
    await userEvent.click(ground(f.grounds['police-report'].label));
    await userEvent.type(screen.getByLabelText(new RegExp(`^${f.policeReport}`)), '2026-1');
    await submit();
    expect(
      await screen.findByRole('link', {
        name: `${f.purposesLegend}: ${f.errors['FOOTAGE.EXPORT_NEEDS_POLICE_REPORT']}`,
      }),
    ).toBeTruthy();
  });

  it('cancel hands back without sending', async () => {
    const { sent, cancelled } = form();
    await userEvent.click(screen.getByRole('button', { name: nl.cancel }));
    expect(cancelled()).toBe(1);
    expect(sent).toEqual([]);
  });
});
