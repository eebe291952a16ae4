/**
 * One line of health, as `/api/health`, `/readyz` and the banner on every screen show it. `code`
 * is stable (docs/operations.md lists every code, what it means and what an operator does); the
 * web banner translates by code and `params`. `message` stays English free text for logs and API
 * users and may change wording at any time. The adapter or rule that knows what went wrong sets
 * the code, so nobody has to guess it from the message.
 */
export interface HealthItem {
  readonly component: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
