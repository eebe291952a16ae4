import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, reply, serveApi, user } from '../test/harness.js';
import { PasswordPage } from './PasswordPage.js';

const field = (label: string) => screen.getByLabelText(label);

describe('PasswordPage: a form with validation errors', () => {
  it('an empty form names every missing field in the summary, which takes focus, and marks the fields', async () => {
    const sent = serveApi({});
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
    expect(sent).toEqual([]);
  });

  it('a link in the summary moves focus into its field', async () => {
    serveApi({});
    renderPage(<PasswordPage />);
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));
    await userEvent.click(screen.getByRole('link', { name: `${nl.password.new}: ${nl.required}` }));
    expect(document.activeElement).toBe(field(nl.password.new));
  });

  it('a repeat that differs is an error on the repeat field only', async () => {
    const sent = serveApi({});
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'nieuw-wachtwoord-1');
    await userEvent.type(field(nl.password.repeat), 'nieuw-wachtwoord-2');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    expect(field(nl.password.repeat).getAttribute('aria-invalid')).toBe('true');
    expect(field(nl.password.new).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('link', { name: `${nl.password.repeat}: ${nl.password.mismatch}` })).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("the server's field error lands next to the field it names", async () => {
    serveApi({
      'POST /api/auth/password': reply(422, {
        type: 'urn:proportio:error:auth.weak_password',
        title: 'Weak password',
        status: 422,
        code: 'AUTH.WEAK_PASSWORD',
        detail: 'too short',
        errors: [
          {
            field: 'newPassword',
            message: 'password must be at least 12 characters',
            rule: 'min-length',
            params: { min: 12 },
          },
        ],
      }),
    });
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'kort');
    await userEvent.type(field(nl.password.repeat), 'kort');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    expect(
      await screen.findByRole('link', {
        name: `${nl.password.new}: Het nieuwe wachtwoord moet minstens 12 tekens hebben.`,
      }),
    ).toBeTruthy();
    expect(field(nl.password.new).getAttribute('aria-invalid')).toBe('true');
  });

  it('a change that succeeds sends both passwords, empties the form and says so', async () => {
    const sent = serveApi({ 'POST /api/auth/password': user });
    renderPage(<PasswordPage />);
    await userEvent.type(field(nl.password.current), 'oud-wachtwoord');
    await userEvent.type(field(nl.password.new), 'nieuw-wachtwoord-1');
    await userEvent.type(field(nl.password.repeat), 'nieuw-wachtwoord-1');
    await userEvent.click(screen.getByRole('button', { name: nl.password.submit }));

    expect(await screen.findByText(nl.password.changed)).toBeTruthy();
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: 'oud-wachtwoord', newPassword: 'nieuw-wachtwoord-1' },
      },
    ]);
    expect((field(nl.password.current) as HTMLInputElement).value).toBe('');
  });
});
