/**
 * A tiny, renderer-neutral document: headings, paragraphs, lists, tables and call-outs. Every
 * report is built once as such a document and then rendered to HTML and to a tagged PDF, so
 * both formats always carry the same content in the same order and the same structure
 * (heading levels, table captions and header cells) — which is also what makes them accessible.
 */
import type { Lang } from '../../core/assessment/text.js';

/** A piece of inline text; bold marks labels and verdicts, not decoration. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
}

/** Plain text or a sequence of runs. */
export type Inline = string | readonly Run[];

export type Tone = 'negative' | 'caution' | 'positive' | 'neutral';

/** Relative text size; renderers map it to their own scale. */
export type Size = 'xsmall' | 'small' | 'normal' | 'large' | 'xlarge';

export interface Cell {
  readonly text: string;
  readonly bold?: boolean;
}

export interface Column {
  readonly header: string;
  /** Relative width in the PDF (HTML lets the browser decide). */
  readonly weight: number;
}

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3 | 4 | 5;
      readonly text: string;
      readonly id?: string;
      readonly lang?: Lang;
    }
  | {
      readonly kind: 'paragraph';
      readonly content: Inline;
      readonly size?: Size;
      readonly lang?: Lang;
      readonly muted?: boolean;
    }
  | { readonly kind: 'list'; readonly items: readonly Inline[]; readonly lang?: Lang; readonly size?: Size }
  | {
      readonly kind: 'callout';
      readonly tone: Tone;
      readonly lines: readonly Inline[];
      readonly size?: Size;
      readonly lang?: Lang;
    }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly (string | Cell)[])[];
      /** The first cell of each row is a row header (th scope="row"). */
      readonly rowHeaders: boolean;
      readonly size?: Size;
    }
  | {
      /** A QR code (dark modules, no quiet zone) with its text alternative: what it links to. */
      readonly kind: 'qr';
      readonly modules: readonly (readonly boolean[])[];
      readonly alt: string;
      /** Printed width in millimetres (PDF); the HTML preview scales it to the text. */
      readonly widthMm: number;
    };

export interface RenderDocument {
  readonly lang: Lang;
  readonly title: string;
  /** Shown under the title; also the PDF subject. */
  readonly subtitle?: string;
  /** The controller; the PDF author. */
  readonly author?: string;
  readonly blocks: readonly Block[];
}

export const runs = (c: Inline): readonly Run[] => (typeof c === 'string' ? [{ text: c }] : c);
export const plain = (c: Inline): string =>
  runs(c)
    .map((r) => r.text)
    .join('');
export const cellOf = (c: string | Cell): Cell => (typeof c === 'string' ? { text: c } : c);

/** "Label: value" with the label in bold. */
export const labelled = (label: string, value: string): readonly Run[] => [
  { text: `${label}: `, bold: true },
  { text: value },
];

/** A table whose rows start with their header cell; each column as [header, relative width]. */
export const table = (
  caption: string,
  columns: readonly (readonly [string, number])[],
  rows: readonly (readonly (string | Cell)[])[],
  size?: Size,
): Block => ({
  kind: 'table',
  caption,
  columns: columns.map(([header, weight]) => ({ header, weight })),
  rows,
  rowHeaders: true,
  ...(size === undefined ? {} : { size }),
});

/** A two-column table of facts: a row header and its value. */
export const facts = (
  caption: string,
  header: [string, string],
  rows: readonly (readonly [string, string])[],
): Block =>
  table(
    caption,
    [
      [header[0], 1],
      [header[1], 2.6],
    ],
    rows,
  );
