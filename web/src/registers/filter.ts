/**
 * The filter of a register with deadlines (residents' requests, complaints and inquiries): step,
 * kind and where it stands against its deadline, kept in the address so Back and a shared link work.
 */

export interface RegisterFilter {
  readonly status: string;
  readonly kind: string;
  readonly deadline: string;
}

export const DEADLINE_STATES = ['open', 'due-soon', 'overdue', 'answered'];

/** The filter in a query string; anything not in the register's lists is left out. */
export const registerFilterOf = (
  search: string,
  statuses: readonly string[],
  kinds: readonly string[],
): RegisterFilter => {
  const p = new URLSearchParams(search);
  const pick = (k: string, list: readonly string[]) => {
    const v = p.get(k) ?? '';
    return list.includes(v) ? v : '';
  };
  return {
    status: pick('status', statuses),
    kind: pick('kind', kinds),
    deadline: pick('deadline', DEADLINE_STATES),
  };
};

/** The register's address (`path`) with this filter (empty values left out). */
export const registerListHref = (path: string, f: RegisterFilter): string => {
  const p = new URLSearchParams();
  for (const k of ['status', 'kind', 'deadline'] as const) if (f[k]) p.set(k, f[k]);
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
};

/** Where an entry stands against its deadline, as the API reports it. */
export interface DeadlineView {
  readonly status: string;
  readonly onTime?: boolean | null;
}

/** "open", "binnenkort", "te laat", "beantwoord op tijd" / "beantwoord, te laat". */
export const deadlineText = (
  texts: {
    readonly answeredLate: string;
    readonly answeredOnTime: string;
    readonly deadlineStates: Readonly<Record<string, string>>;
  },
  d: DeadlineView,
): string =>
  d.status === 'answered'
    ? d.onTime === false
      ? texts.answeredLate
      : texts.answeredOnTime
    : (texts.deadlineStates[d.status] ?? d.status);
