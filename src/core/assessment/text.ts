/** Bilingual text: every reason, title and condition is given in Dutch first, then English. */
export interface Text {
  readonly nl: string;
  readonly en: string;
}

export type Lang = 'nl' | 'en';

export const t = (nl: string, en: string): Text => ({ nl, en });
