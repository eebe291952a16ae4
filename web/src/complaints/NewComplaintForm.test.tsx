/**
 * The new complaint form: what the browser checks itself, and the server's COMPLAINT.INVALID
 * field errors worded in Dutch next to their field (not the general sentence).
 */
import type { FieldRule } from '../../../src/core/field-rules.js';
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, reply, REGISTRY_ANSWERS, serveApi, type Answers } from '../test/harness.js';
import { NewComplaintForm } from './NewComplaintForm.js';

const c = nl.complaints;
const f = c.form;
const POST = 'POST /api/complaints';

/** The server's refusal of one field, with the rule it broke (as src/http/problem.ts sends it). */
const invalid = (field: string, message: string, rule: FieldRule) =>
  reply(422, {
    type: 'urn:proportio:error:complaint.invalid',
    title: 'Unprocessable',
    status: 422,
    code: 'COMPLAINT.INVALID',
    detail: message,
    errors: [{ field, message, rule }],
  });

const form = (answers: Answers = {}) => {
  const sent = serveApi({ ...REGISTRY_ANSWERS, ...answers });
  const went: string[] = [];
  renderPage(<NewComplaintForm />, {
    permissions: ['complaints:read', 'complaints:manage'],
    navigate: (to) => went.push(to),
  });
  return { posted: () => sent.filter((s) => s.method === 'POST'), went };
};

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`));
const submit = () => userEvent.click(screen.getByRole('button', { name: f.submit }));
const summaryLinks = () =>
  Array.from(document.querySelectorAll('.pp-error-summary a')).map((l) => l.textContent);
/** The error text shown with a field (its aria-describedby). */
const errorOf = (label: string) =>
  (field(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('NewComplaintForm ("Nieuwe klacht of vraag registreren")', () => {
  it('an empty subject and no site are refused here and nothing is sent', async () => {
    const { posted } = form();
    await screen.findByRole('option', { name: 'Stadhuis' });
    await submit();
    expect(summaryLinks()).toEqual([`${f.site}: ${f.chooseSite}`, `${f.subject}: ${nl.required}`]);
    expect(field(f.subject).getAttribute('aria-invalid')).toBe('true');
    expect(posted()).toEqual([]);
  });

  it("shows the server's refusal in Dutch next to the field it names", async () => {
    const { posted, went } = form({
      [POST]: invalid('fromName', 'name the organisation it came from', 'required'),
    });
    await screen.findByRole('option', { name: 'Stadhuis' });
    await userEvent.selectOptions(field(f.source), c.sources.union!);
    await userEvent.selectOptions(field(f.site), 'Stadhuis');
    await userEvent.type(field(f.subject), 'Camera zonder uitleg');
    await submit();
    await screen.findByText(c.errors.organisation, { exact: false, selector: '*:not(a)' });
    expect(errorOf(f.fromName)).toContain(c.errors.organisation);
    expect(field(f.fromName).getAttribute('aria-invalid')).toBe('true');
    expect(posted()).toHaveLength(1);
    expect(posted()[0]!.body).toMatchObject({ kind: 'complaint', source: 'union', siteId: 's-1' });
    expect(went).toEqual([]);
  });

  it("an inquiry asks for the regulator's date, sends it, and words its refusal", async () => {
    const { posted } = form({
      [POST]: invalid('regulatorDueOn', 'the deadline lies before the inquiry came in', 'before-receipt'),
    });
    await screen.findByRole('option', { name: 'Stadhuis' });
    expect(screen.queryByLabelText(new RegExp(`^${f.regulatorDueOn}`))).toBeNull();
    await userEvent.selectOptions(field(f.kind), c.kinds['regulator-inquiry']!);
    // The source follows the kind: an inquiry comes from the regulator.
    expect((field(f.source) as HTMLSelectElement).value).toBe('regulator');
    await userEvent.selectOptions(field(f.site), f.wholeOrganisation);
    await userEvent.type(field(f.subject), 'Vragen over cameratoezicht');
    await userEvent.type(field(f.regulatorDueOn), '2020-01-01');
    await submit();
    await screen.findByText(c.errors.dueBefore, { exact: false, selector: '*:not(a)' });
    expect(errorOf(f.regulatorDueOn)).toContain(c.errors.dueBefore);
    expect(posted()[0]!.body).toMatchObject({
      kind: 'regulator-inquiry',
      source: 'regulator',
      siteId: null,
      regulatorDueOn: '2020-01-01',
    });
  });

  it('goes to the new complaint once it is registered', async () => {
    const { went } = form({ [POST]: reply(201, { id: 'cp-9' }) });
    await screen.findByRole('option', { name: 'Stadhuis' });
    await userEvent.selectOptions(field(f.site), 'Stadhuis');
    await userEvent.type(field(f.subject), 'Camera zonder uitleg');
    await submit();
    await expect.poll(() => went).toEqual(['/complaints/cp-9']);
  });
});
