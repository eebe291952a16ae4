/**
 * One line of the footage history in words (pure; the component formats and lists them). The
 * actions are the audit actions on a clip (subject clip:<clipId>): the recorder's, the command
 * line's and those of viewing, holds and export; an action this list does not know yet is shown
 * as it is, with who did it.
 */
import { formatDateTime, type Dictionary, type Language } from '../i18n/index.js';
import type { FootageEvent } from './types.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export const describeEvent = (t: Dictionary, lang: Language, e: FootageEvent): string => {
  const f = t.footage;
  const who = e.actor?.displayName ?? f.system;
  const d = e.details;
  const when = (v: unknown): string => (str(v) ? formatDateTime(lang, str(v)) : '');
  const ground = (v: unknown): string => {
    const g = str(v);
    return g in f.grounds ? f.grounds[g as keyof typeof f.grounds].label : g;
  };
  const endReason = (v: unknown): string => f.endReasons[str(v)] ?? str(v);
  switch (e.action) {
    case 'viewing.requested':
      return f.events.requested(who, ground(d.legalGround));
    case 'viewing.approved':
      return f.events.approved(who);
    case 'viewing.refused':
      return f.events.refused(who, str(d.reason));
    case 'viewing.granted':
      return f.events.granted(when(d.expiresAt));
    case 'viewing.played':
      return f.events.played(who);
    case 'viewing.revoked':
      return f.events.revoked(who, str(d.reason));
    case 'viewing.ended':
      return f.events.ended(endReason(d.reason));
    case 'clip.hold.placed':
      return f.events.holdPlaced(who, when(d.until), str(d.policeReport));
    case 'clip.hold.extended':
      return f.events.holdExtended(who, when(d.until));
    case 'clip.hold.released':
      return f.events.holdReleased(who, str(d.reason));
    case 'clip.exported':
      return f.events.exported(who);
    case 'clip.deleted':
      return f.events.deleted(f.deletedReasons[str(d.reason)] ?? str(d.reason));
    case 'clip.open':
      return f.events.recordingStarted;
    case 'clip.extend':
      return f.events.recordingExtended;
    case 'clip.sealed':
      return f.events.sealed;
    case 'clip.failed':
      return f.events.failed;
    case 'clip.recovered':
      return f.events.recovered;
    case 'clip.decrypt-started':
      return f.events.decryptStarted(who);
    case 'clip.decrypt':
      return f.events.decrypted(who);
    default:
      return f.events.other(e.action, who);
  }
};
