/** How a request reads on the screens: its place and where it stands against its deadline. */
import type { SubjectRequest } from '../api-types.js';
import type { Dictionary } from '../i18n/index.js';
import type { Registry } from '../registry.js';

export const placeOf = (
  t: Dictionary,
  reg: Registry,
  r: Pick<SubjectRequest, 'roomId' | 'siteId'>,
): string => (r.roomId ? reg.roomLabel(r.roomId) : t.rights.siteOnly(reg.siteName(r.siteId)));

/** "open", "binnenkort", "te laat", "beantwoord op tijd" / "beantwoord, te laat". */
export const deadlineText = (t: Dictionary, d: SubjectRequest['deadline']): string =>
  d.status === 'answered'
    ? d.onTime === false
      ? t.rights.answeredLate
      : t.rights.answeredOnTime
    : (t.rights.deadlineStates[d.status] ?? d.status);
