/** How a request reads on the screens: its place and where it stands against its deadline. */
import type { SubjectRequest } from '../api-types.js';
import type { Dictionary } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { deadlineText as registerDeadlineText, type DeadlineView } from '../registers/filter.js';

export const placeOf = (
  t: Dictionary,
  reg: Registry,
  r: Pick<SubjectRequest, 'roomId' | 'siteId'>,
): string => (r.roomId ? reg.roomLabel(r.roomId) : t.rights.siteOnly(reg.siteName(r.siteId)));

/** Where it stands against its deadline, in words (registers/filter.ts). */
export const deadlineText = (t: Dictionary, d: DeadlineView): string => registerDeadlineText(t.rights, d);
