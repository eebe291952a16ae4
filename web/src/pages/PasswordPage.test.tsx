import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, reply, serveApi, user } from '../test/harness.js';
import { PasswordPage } from './PasswordPage.js';

const field = (label: string) => screen.getByLabelText(label);

/** The polite line that counts the open rules. */
const progress = () => document.querySelector<HTMLElement>('.pp-rules-progress[aria-live="polite"]')!;

const POLICY = { minLength: 12, maxLength: 256, minDistinct: 5 };
/** The API with the password policy, plus these answers; what the form posted. */
const serve = (answers: Parameters<typeof serveApi>[0]) => {
  const sent = serveApi({ 'GET /api/auth/password-policy': POLICY, ...answers });
  return { posted: () => sent.filter((s) => s.method !== 'GET') };
};

describe('PasswordPage: a form with validation errors', () => {
  it('an empty form names every missing field in the summary, which takes focus, and marks the fields', async () => {
    const sent = serve({});
    renderPage(<PasswordPage />);
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    const summary = screen.getByRole('heading', { name: nl.errorSummaryTitle }).closest('.pp-error-summary');
    expect(document.activeElement).toBe(summary);
    const links = screen.getAllByRole('link').map((l) => l.textContent);
    expect(links).toEqual([
      `${nl.password.current}: ${nl.required}`,
      `${nl.password.new}: ${nl.required}`,
      `${nl.password.repeat}: ${nl.required}`,
    ]);
    for (const label of [nl.password.current, nl.password.new, nl.password.repeat]) {
      const input = field(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
      expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(nl.required);
    }
    expect(sent.posted()).toEqual([]);
  });

  it('a link in the summary moves focus into its field', async () => {
    serve({});
    renderPage(<PasswordPage />);
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));
    await userEvent.click(screen.getByRole('link', { name: `${nl.password.new}: ${nl.required}` }));
    expect(document.activeElement).toBe(field(nl.password.new));
  });

  it('a repeat that differs is an error on the repeat field only', async () => {
    const sent = serve({});
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'nieuw-wachtwoord-1');
    await userEvent.type(field(nl.password.repeat), 'nieuw-wachtwoord-2');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    expect(field(nl.password.repeat).getAttribute('aria-invalid')).toBe('true');
    expect(field(nl.password.new).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('link', { name: `${nl.password.repeat}: ${nl.password.mismatch}` })).toBeTruthy();
    expect(sent.posted()).toEqual([]);
  });

  it("the server's refusal is worded here from its rule and the policy's numbers, next to the field", async () => {
    serve({
      'POST /api/auth/password': reply(422, {
        type: 'urn:proportio:error:auth.weak_password',
        title: 'Weak password',
        status: 422,
        code: 'AUTH.WEAK_PASSWORD',
        detail: 'password is too repetitive',
        errors: [{ field: 'newPassword', message: 'password is too repetitive' }],
        details: { field: 'newPassword', rule: 'too-repetitive', ...POLICY, minDistinct: 6 },
      }),
    });
    renderPage(<PasswordPage />);
    await screen.findByText(nl.password.rules.length(12, 256));
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'abcdeabcdeab');
    await userEvent.type(field(nl.password.repeat), 'abcdeabcdeab');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    const message = nl.password.errors.repetitive(6);
    expect(await screen.findByRole('link', { name: `${nl.password.new}: ${message}` })).toBeTruthy();
    expect(field(nl.password.new).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/too repetitive/)).toBeNull();
  });

  it('a wrong current password is said in Dutch next to that field', async () => {
    serve({
      'POST /api/auth/password': reply(401, {
        type: 'urn:proportio:error:auth.invalid_credentials',
        title: 'Invalid credentials',
        status: 401,
        code: 'AUTH.INVALID_CREDENTIALS',
        detail: 'the current password is wrong',
        errors: [{ field: 'currentPassword', message: 'the current password is wrong' }],
      }),
    });
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'nieuw-wachtwoord-1');
    await userEvent.type(field(nl.password.repeat), 'nieuw-wachtwoord-1');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));
    expect(
      await screen.findByRole('link', { name: `${nl.password.current}: ${nl.password.wrongCurrent}` }),
    ).toBeTruthy();
  });

  it('the rules stand under the new-password field before anything is typed, from the policy the server sends', async () => {
    serve({ 'GET /api/auth/password-policy': { minLength: 14, maxLength: 128, minDistinct: 7 } });
    renderPage(<PasswordPage />);
    const rule = await screen.findByText(nl.password.rules.length(14, 128));
    expect(screen.getByText(nl.password.rules.distinct(7))).toBeTruthy();
    expect(screen.getByText(nl.password.rules.username)).toBeTruthy();
    // Read with the field.
    const described = (field(nl.password.new).getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.some((id) => document.getElementById(id)?.contains(rule))).toBe(true);
    // Nothing is said before the user types.
    expect(progress().textContent).toBe('');
  });

  it('while typing, each rule says whether it is met and one polite line counts what is left', async () => {
    serve({});
    renderPage(<PasswordPage />);
    await screen.findByText(nl.password.rules.length(12, 256));
    await userEvent.type(field(nl.password.new), 'balie');
    // Too short, contains the username (balie), 5 distinct characters: two lines open.
    expect(screen.getByText(`${nl.password.rules.length(12, 256)} (${nl.password.ruleOpen})`)).toBeTruthy();
    expect(screen.getByText(`${nl.password.rules.username} (${nl.password.ruleOpen})`)).toBeTruthy();
    expect(screen.getByText(`${nl.password.rules.distinct(5)} (${nl.password.ruleMet})`)).toBeTruthy();
    const status = progress();
    expect(status.textContent).toBe(nl.password.progress(2));
    await userEvent.clear(field(nl.password.new));
    await userEvent.type(field(nl.password.new), 'lange-zin-voor-de-kluis');
    expect(status.textContent).toBe(nl.password.progress(0));
  });

  it('a password that breaks a rule is refused before anything is sent, in words', async () => {
    const sent = serve({});
    renderPage(<PasswordPage />);
    await screen.findByText(nl.password.rules.length(12, 256));
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'kort');
    await userEvent.type(field(nl.password.repeat), 'kort');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));
    expect(
      screen.getByRole('link', { name: `${nl.password.new}: ${nl.password.errors['min-length'](12)}` }),
    ).toBeTruthy();
    expect(sent.posted()).toEqual([]);
  });

  it('a change that succeeds sends both passwords, empties the form and says so', async () => {
    const sent = serve({ 'POST /api/auth/password': user });
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'nieuw-wachtwoord-1');
    await userEvent.type(field(nl.password.repeat), 'nieuw-wachtwoord-1');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    expect(await screen.findByText(nl.password.changed)).toBeTruthy();
    expect(sent.posted()).toEqual([
      {
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: 'oud-wachtwoord', newPassword: 'nieuw-wachtwoord-1' },
      },
    ]);
    expect((field(nl.password.current) as HTMLInputElement).value).toBe('');
  });
});
