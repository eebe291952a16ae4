import { fireEvent, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileReply, nl, renderPage, reply, serveApi } from '../test/harness.js';
import { DossierPage } from './DossierPage.js';

const d = nl.dossier;
/** The control by its id, checked to be labelled by its label (the labels 'Van' and 'Tot en met' are also parts of other labels). */
const input = (id: string, label: string): HTMLElement => {
  const el = document.getElementById(id)!;
  expect(document.querySelector(`label[for="${id}"]`)?.textContent).toContain(label);
  return el;
};
const saved: string[] = [];
const catchDownloads = () => {
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: () => 'blob:test/1', revokeObjectURL: () => undefined }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
};
afterEach(() => {
  saved.length = 0;
  vi.restoreAllMocks();
});

describe('DossierPage', () => {
  it('asks for the period and saves the ZIP the server names', async () => {
    catchDownloads();
    const sent = serveApi({
      'GET /api/dossier?from=2026-01-01&to=2026-03-31&lang=nl': fileReply('PK', {
        'content-type': 'application/zip',
        'content-disposition': 'attachment; filename="dossier-2026-01-01-2026-03-31.zip"',
      }),
    });
    renderPage(<DossierPage />);
    expect(screen.getByRole('heading', { level: 1, name: d.title })).toBeTruthy();
    fireEvent.change(input('dossier-from', d.from), { target: { value: '2026-01-01' } });
    fireEvent.change(input('dossier-to', d.to), { target: { value: '2026-03-31' } });
    await userEvent.selectOptions(input('dossier-lang', d.language), 'nl');
    await userEvent.click(screen.getByRole('button', { name: d.button }));
    expect(await screen.findByText(d.done('dossier-2026-01-01-2026-03-31.zip'))).toBeTruthy();
    expect(saved).toEqual(['dossier-2026-01-01-2026-03-31.zip']);
    expect(sent.map((s) => s.path)).toEqual(['/api/dossier?from=2026-01-01&to=2026-03-31&lang=nl']);
  });

  it('a reversed period is refused at the field, and nothing is asked of the server', async () => {
    const sent = serveApi({});
    renderPage(<DossierPage />);
    fireEvent.change(input('dossier-from', d.from), { target: { value: '2026-03-01' } });
    fireEvent.change(input('dossier-to', d.to), { target: { value: '2026-01-01' } });
    await userEvent.click(screen.getByRole('button', { name: d.button }));
    expect(input('dossier-from', d.from).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it("the server's refusal of a day is shown at that field", async () => {
    serveApi({
      'GET /api/dossier?to=2026-12-31': reply(400, {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        code: 'REQUEST.INVALID',
        detail: 'to lies in the future',
        errors: [{ field: 'to', message: 'to lies in the future' }],
      }),
    });
    renderPage(<DossierPage />);
    fireEvent.change(input('dossier-to', d.to), { target: { value: '2026-12-31' } });
    await userEvent.click(screen.getByRole('button', { name: d.button }));
    await vi.waitFor(() => expect(input('dossier-to', d.to).getAttribute('aria-invalid')).toBe('true'));
  });
});
