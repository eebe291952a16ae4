/**
 * Renders a RenderDocument as a tagged A4 PDF with pdfkit: a structure tree (Document > H1..H4,
 * P, L/LI/Lbl/LBody, Table/Caption/TR/TH/TD with Scope), the document language and title,
 * DejaVu Sans embedded (so ĳ, ë, é and € survive), running header and page numbers as
 * artifacts, and a table layout that wraps long cells, repeats the header row on each new page
 * and splits a row that is taller than what is left of the page.
 *
 * We lay out every line ourselves (lineBreak: false) instead of using pdfkit's wrapper and table:
 * only then can a paragraph or a cell that runs over a page end its marked content on one page
 * and continue it, under the same structure element, on the next.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { inLanguage, t, type Lang } from '../../core/assessment/text.js';
import {
  cellOf,
  runs,
  type Block,
  type Inline,
  type RenderDocument,
  type Run,
  type Size,
  type Tone,
} from './document.js';

const require = createRequire(import.meta.url);
/** Resolved through the package so the path holds in src/ and in dist/. */
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const REG = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

export interface PdfLayout {
  /** Base font size in points (default 10). */
  readonly baseSize?: number;
  /** Running header with the title, and "page n of m" footer (default true). */
  readonly pageFurniture?: boolean;
  /** Margins in points (default 56 left/right, 60 top/bottom). */
  readonly margin?: number;
}

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;
/** pdfkit keeps the dictionary of a structure element here; its typings omit it. */
type WithDictionary = { dictionary: { data: Record<string, unknown> } };

const SIZE: Readonly<Record<Size, number>> = {
  xsmall: 0.78,
  small: 0.85,
  normal: 1,
  large: 1.3,
  xlarge: 1.7,
};
const HEADING: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = { 1: 1.9, 2: 1.4, 3: 1.15, 4: 1.02, 5: 0.98 };
const TONE: Readonly<Record<Tone, { bar: string; fill: string }>> = {
  negative: { bar: '#b00020', fill: '#fbe9eb' },
  caution: { bar: '#9a6700', fill: '#fff5da' },
  positive: { bar: '#1a7f37', fill: '#e6f4ea' },
  neutral: { bar: '#39597a', fill: '#edf2f7' },
};
const TEXT = '#1b1b1b';
const MUTED = '#555555';
const RULE = '#8a8a8a';
const HEAD_FILL = '#e4ebf2';

const PAGINATION = { page: t('Pagina', 'Page'), of: t('van', 'of') };

/** XMP metadata is written unescaped by pdfkit; keep markup characters out of the title. */
const metaSafe = (s: string): string => s.replace(/&/g, '+').replace(/</g, '‹').replace(/>/g, '›');

/** A word split after hard and soft hyphens: the places a line may break inside it. */
const parts = (word: string): string[] => word.split(/(?<=[\p{L}\p{N}][-\u00AD])(?=[\p{L}\p{N}])/u);

interface Seg {
  text: string;
  bold: boolean;
  width: number;
}
type Line = Seg[];

class Layout {
  readonly doc: Doc;
  readonly root: StructElement;
  readonly base: number;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  y: number;

  constructor(doc: Doc, root: StructElement, base: number) {
    this.doc = doc;
    this.root = root;
    this.base = base;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.top = doc.page.margins.top;
    this.bottom = doc.page.height - doc.page.margins.bottom;
    this.y = this.top;
  }

  lineHeight(size: number): number {
    return size * 1.32;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Start a new page unless `h` points still fit. */
  ensure(h: number): void {
    if (this.y + h > this.bottom && this.y > this.top) this.newPage();
  }

  measure(text: string, bold: boolean, size: number): number {
    return this.doc
      .font(bold ? BOLD : REG)
      .fontSize(size)
      .widthOfString(text);
  }

  /** Greedy line breaking over runs of regular and bold text; words longer than a line are cut. */
  wrap(content: readonly Run[], width: number, size: number, forceBold = false): Line[] {
    const lines: Line[] = [];
    let cur: Line = [];
    let curW = 0;
    // The last piece ended at a soft hyphen: if the line breaks here, the hyphen shows.
    let soft = false;
    const push = (): void => {
      const last = cur[cur.length - 1];
      if (last !== undefined && soft) {
        last.text += '-';
        last.width = this.measure(last.text, last.bold, size);
      }
      soft = false;
      if (last !== undefined && last.text.endsWith(' ')) {
        const trimmed = last.text.trimEnd();
        last.width = this.measure(trimmed, last.bold, size);
        last.text = trimmed;
      }
      lines.push(cur);
      cur = [];
      curW = 0;
    };
    const append = (text: string, bold: boolean): void => {
      const last = cur[cur.length - 1];
      if (last !== undefined && last.bold === bold) {
        last.text += text;
        last.width = this.measure(last.text, bold, size);
      } else {
        cur.push({ text, bold, width: this.measure(text, bold, size) });
      }
      curW = cur.reduce((a, s) => a + s.width, 0);
    };
    for (const run of content) {
      const bold = forceBold || run.bold === true;
      run.text.split(/\r?\n/).forEach((para, i) => {
        if (i > 0) push();
        for (const tok of para.split(/(\s+)/)) {
          if (tok === '') continue;
          if (/^\s+$/.test(tok)) {
            soft = false;
            if (cur.length > 0) append(' ', bold);
            continue;
          }
          for (const part of parts(tok)) {
            let word = part.replace(/\u00AD/g, '');
            const w = this.measure(word, bold, size);
            if (curW + w > width && cur.length > 0) push();
            if (w > width) {
              let piece = '';
              for (const ch of word) {
                if (piece !== '' && curW + this.measure(piece + ch, bold, size) > width) {
                  append(piece, bold);
                  push();
                  piece = ch;
                } else {
                  piece += ch;
                }
              }
              word = piece;
            }
            append(word, bold);
            soft = part.endsWith('\u00AD');
          }
        }
      });
    }
    if (cur.length > 0) push();
    return lines;
  }

  drawLine(line: Line, x: number, y: number, size: number, color: string): void {
    let cx = x;
    for (const s of line) {
      this.doc
        .font(s.bold ? BOLD : REG)
        .fontSize(size)
        .fillColor(color)
        .text(s.text, cx, y, { lineBreak: false });
      cx += s.width;
    }
  }

  /** Draw wrapped lines as the content of `el`, continuing on new pages as needed. */
  flow(el: StructElement, tag: string, lines: readonly Line[], x: number, size: number, color: string): void {
    const lh = this.lineHeight(size);
    let i = 0;
    while (i < lines.length) {
      if (this.y + lh > this.bottom) this.newPage();
      const fit = Math.max(1, Math.floor((this.bottom - this.y) / lh));
      const chunk = lines.slice(i, i + fit);
      const mc = this.doc.markStructureContent(tag);
      for (const line of chunk) {
        this.drawLine(line, x, this.y, size, color);
        this.y += lh;
      }
      this.doc.endMarkedContent();
      el.add(mc);
      i += chunk.length;
    }
  }

  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  element(tag: string, lang: Lang | undefined, parent: StructElement = this.root): StructElement {
    const el = this.doc.struct(tag, lang === undefined ? {} : { lang });
    parent.add(el);
    return el;
  }

  heading(level: 1 | 2 | 3 | 4 | 5, text: string, lang: Lang | undefined): void {
    const size = this.base * HEADING[level];
    const lh = this.lineHeight(size);
    const lines = this.wrap([{ text }], this.width, size, true);
    // Keep a heading with at least three lines of what follows.
    this.y += level <= 2 ? size * 0.7 : size * 0.5;
    this.ensure(lines.length * lh + 3 * this.lineHeight(this.base));
    if (level <= 2) this.doc.outline.addItem(text);
    const el = this.element(`H${level}`, lang);
    this.flow(el, `H${level}`, lines, this.left, size, level === 1 ? '#12355b' : TEXT);
    el.end();
    if (level === 2) {
      const yy = this.y + 1;
      this.artifact(() =>
        this.doc
          .save()
          .moveTo(this.left, yy)
          .lineTo(this.left + this.width, yy)
          .lineWidth(0.6)
          .stroke('#12355b')
          .restore(),
      );
      this.y += 4;
    }
    this.y += size * 0.25;
  }

  paragraph(content: Inline, size: Size, lang: Lang | undefined, muted: boolean): void {
    const s = this.base * SIZE[size];
    const el = this.element('P', lang);
    this.flow(el, 'P', this.wrap(runs(content), this.width, s), this.left, s, muted ? MUTED : TEXT);
    el.end();
    this.y += s * 0.45;
  }

  list(items: readonly Inline[], size: Size, lang: Lang | undefined): void {
    const s = this.base * SIZE[size];
    const indent = s * 1.3;
    const list = this.element('L', lang);
    for (const item of items) {
      const li = this.element('LI', undefined, list);
      const lines = this.wrap(runs(item), this.width - indent, s);
      if (this.y + this.lineHeight(s) > this.bottom) this.newPage();
      const lbl = this.element('Lbl', undefined, li);
      const mc = this.doc.markStructureContent('Lbl');
      this.doc
        .font(REG)
        .fontSize(s)
        .fillColor(TEXT)
        .text('•', this.left + s * 0.3, this.y, { lineBreak: false });
      this.doc.endMarkedContent();
      lbl.add(mc);
      lbl.end();
      const body = this.element('LBody', undefined, li);
      this.flow(body, 'LBody', lines, this.left + indent, s, TEXT);
      body.end();
      li.end();
      this.y += s * 0.15;
    }
    list.end();
    this.y += s * 0.35;
  }

  callout(tone: Tone, items: readonly Inline[], size: Size, lang: Lang | undefined): void {
    const s = this.base * SIZE[size];
    const lh = this.lineHeight(s);
    const pad = s * 0.7;
    const inner = this.width - 2 * pad - 4;
    const wrapped = items.map((i) => this.wrap(runs(i), inner, s));
    const h = wrapped.reduce((a, l) => a + l.length * lh, 0) + 2 * pad + (items.length - 1) * s * 0.3;
    this.y += s * 0.2;
    this.ensure(h);
    const { bar, fill } = TONE[tone];
    const y0 = this.y;
    const boxH = Math.min(h, this.bottom - y0);
    this.artifact(() => {
      this.doc.save().rect(this.left, y0, this.width, boxH).fill(fill).restore();
      this.doc.save().rect(this.left, y0, 4, boxH).fill(bar).restore();
    });
    this.y += pad;
    wrapped.forEach((lines, i) => {
      const el = this.element('P', lang);
      this.flow(el, 'P', lines, this.left + 4 + pad, s, TEXT);
      el.end();
      if (i < wrapped.length - 1) this.y += s * 0.3;
    });
    this.y = Math.max(this.y + pad, y0 + boxH) + s * 0.6;
  }

  /**
   * Column widths: wide enough for the longest word in the column (so words are not cut), the
   * rest shared by weight. When even that does not fit, widths follow the weights and long
   * words are cut.
   */
  columnWidths(block: Extract<Block, { kind: 'table' }>, size: number, pad: number): number[] {
    const longest = (text: string, bold: boolean): number =>
      Math.max(
        0,
        ...text
          .split(/\s+/)
          .flatMap(parts)
          .map((word) => this.measure(word, bold, size)),
      );
    const min = block.columns.map(
      (c, i) =>
        Math.max(
          longest(c.header, true),
          ...block.rows.map((r) => {
            const cell = r[i];
            if (cell === undefined) return 0;
            const { text, bold } = cellOf(cell);
            return longest(text, bold === true || (block.rowHeaders && i === 0));
          }),
        ) +
        2 * pad +
        0.5,
    );
    const total = block.columns.reduce((a, c) => a + c.weight, 0);
    const spare = this.width - min.reduce((a, w) => a + w, 0);
    if (spare < 0) return block.columns.map((c) => (this.width * c.weight) / total);
    // Share the spare room so that columns come as close as possible to their weighted width.
    const target = block.columns.map((c) => (this.width * c.weight) / total);
    const widths = [...min];
    let room = spare;
    for (let k = 0; k < 8 && room > 0.5; k += 1) {
      const hungry = widths.map((w, i) => Math.max(0, (target[i] ?? 0) - w));
      const want = hungry.reduce((a, h) => a + h, 0);
      if (want <= 0.5) break;
      const share = Math.min(1, room / want);
      hungry.forEach((h, i) => {
        widths[i] = (widths[i] ?? 0) + h * share;
      });
      room -= want * share;
    }
    // Whatever is left goes by weight.
    return widths.map((w, i) => w + (room * (block.columns[i]?.weight ?? 0)) / total);
  }

  table(block: Extract<Block, { kind: 'table' }>): void {
    const s = this.base * SIZE[block.size ?? 'normal'];
    const lh = this.lineHeight(s);
    const pad = s * 0.35;
    const widths = this.columnWidths(block, s, pad);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, w) => a + w, 0));
    const wrapRow = (cells: readonly { text: string; bold: boolean }[]): Line[][] =>
      cells.map((c, i) => {
        const lines = this.wrap([{ text: c.text }], (widths[i] ?? 0) - 2 * pad, s, c.bold);
        return lines.length === 0 ? [[]] : lines;
      });
    const header = wrapRow(block.columns.map((c) => ({ text: c.header, bold: true })));
    const headerH = Math.max(...header.map((l) => l.length)) * lh + 2 * pad;

    const table = this.element('Table', undefined);
    // Caption, header and the first row stay together; a short table stays together as a whole.
    const captionLines = this.wrap([{ text: block.caption }], this.width, s, true);
    const bodyH = block.rows.reduce((a, r) => {
      const cells = r.map((c, i) => ({
        text: cellOf(c).text,
        bold: cellOf(c).bold === true || (block.rowHeaders && i === 0),
      }));
      return a + Math.max(...wrapRow(cells).map((x) => x.length)) * lh + 2 * pad;
    }, 0);
    const wholeH = captionLines.length * lh + s * 0.2 + headerH + bodyH;
    this.y += s * 0.3;
    this.ensure(
      wholeH <= (this.bottom - this.top) * 0.4
        ? wholeH
        : captionLines.length * lh + headerH + 2 * lh + 2 * pad,
    );
    const caption = this.element('Caption', undefined, table);
    this.flow(caption, 'Caption', captionLines, this.left, s, '#12355b');
    caption.end();
    this.y += s * 0.2;

    const grid = (y0: number, h: number, shaded: boolean): void =>
      this.artifact(() => {
        const d = this.doc;
        d.save();
        if (shaded) d.rect(this.left, y0, this.width, h).fill(HEAD_FILL);
        d.lineWidth(0.5).strokeColor(RULE);
        d.rect(this.left, y0, this.width, h).stroke();
        for (const x of xs.slice(1))
          d.moveTo(x, y0)
            .lineTo(x, y0 + h)
            .stroke();
        d.restore();
      });

    const drawCells = (lines: Line[][], y0: number): void => {
      lines.forEach((cellLines, i) => {
        let yy = y0 + pad;
        for (const l of cellLines) {
          this.drawLine(l, (xs[i] ?? 0) + pad, yy, s, TEXT);
          yy += lh;
        }
      });
    };

    /** The header row again at the top of a continuation page, as an artifact (it is not new content). */
    const repeatHeader = (): void => {
      grid(this.y, headerH, true);
      const y0 = this.y;
      this.artifact(() => drawCells(header, y0));
      this.y += headerH;
    };

    /** One row: TR with TH/TD children whose content may continue over pages. */
    const row = (
      cells: readonly { text: string; bold: boolean; th: 'col' | 'row' | undefined }[],
      lines: Line[][],
      isHeader: boolean,
    ): void => {
      const tr = this.element('TR', undefined, table);
      const els = cells.map((c) => {
        const el = this.element(c.th === undefined ? 'TD' : 'TH', undefined, tr);
        if (c.th !== undefined)
          (el as unknown as WithDictionary).dictionary.data.A = {
            O: 'Table',
            Scope: c.th === 'col' ? 'Column' : 'Row',
          };
        return el;
      });
      const from = lines.map(() => 0);
      const rest = (): number => Math.max(...lines.map((l, i) => l.length - (from[i] ?? 0)));
      while (rest() > 0) {
        const need = rest() * lh + 2 * pad;
        let fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        const freshFit = Math.floor((this.bottom - this.top - headerH - 2 * pad) / lh);
        // Move the whole row to a new page if it would fit there; split it only when it must.
        if (need > this.bottom - this.y && (rest() <= freshFit || fit < 2) && this.y > this.top) {
          this.newPage();
          if (!isHeader) repeatHeader();
          fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        }
        const count = Math.max(1, Math.min(rest(), fit));
        const h = count * lh + 2 * pad;
        grid(this.y, h, isHeader);
        const y0 = this.y;
        lines.forEach((cellLines, i) => {
          const start = from[i] ?? 0;
          const part = cellLines.slice(start, start + count);
          const el = els[i];
          if (el === undefined) return;
          if (part.length > 0 && part.some((l) => l.length > 0)) {
            const mc = this.doc.markStructureContent(cells[i]?.th === undefined ? 'TD' : 'TH');
            let yy = y0 + pad;
            for (const l of part) {
              this.drawLine(l, (xs[i] ?? 0) + pad, yy, s, TEXT);
              yy += lh;
            }
            this.doc.endMarkedContent();
            el.add(mc);
          }
          from[i] = start + part.length;
        });
        this.y += h;
      }
      els.forEach((el) => el.end());
      tr.end();
    };

    row(
      block.columns.map((c) => ({ text: c.header, bold: true, th: 'col' as const })),
      header,
      true,
    );
    for (const r of block.rows) {
      const cells = r.map((c, i) => {
        const cell = cellOf(c);
        const th = block.rowHeaders && i === 0 ? ('row' as const) : undefined;
        return { text: cell.text, bold: cell.bold === true || th !== undefined, th };
      });
      row(cells, wrapRow(cells), false);
    }
    table.end();
    this.y += s * 0.8;
  }

  /**
   * A QR code as a Figure with its text alternative, black squares on a white quiet zone of four
   * modules; it keeps its printed size (a phone camera needs about 1 mm per module at arm's length).
   */
  qr(modules: readonly (readonly boolean[])[], alt: string, widthMm: number): void {
    const n = modules.length;
    const width = (widthMm / 25.4) * 72;
    const unit = width / (n + 8);
    this.y += this.base * 0.4;
    this.ensure(width);
    const x0 = this.left;
    const y0 = this.y;
    const figure = this.doc.struct('Figure', { alt });
    this.root.add(figure);
    const mc = this.doc.markStructureContent('Figure');
    this.doc.save().rect(x0, y0, width, width).fill('#ffffff');
    modules.forEach((row, r) =>
      row.forEach((dark, c) => {
        // Slightly oversized squares, so anti-aliasing leaves no hairline gaps between neighbours.
        if (dark) this.doc.rect(x0 + (c + 4) * unit, y0 + (r + 4) * unit, unit + 0.05, unit + 0.05);
      }),
    );
    this.doc.fill('#000000').restore();
    this.doc.endMarkedContent();
    figure.add(mc);
    figure.end();
    this.y = y0 + width + this.base * 0.4;
  }

  block(b: Block): void {
    switch (b.kind) {
      case 'heading':
        return this.heading(b.level, b.text, b.lang);
      case 'paragraph':
        return this.paragraph(b.content, b.size ?? 'normal', b.lang, b.muted === true);
      case 'list':
        return this.list(b.items, b.size ?? 'normal', b.lang);
      case 'callout':
        return this.callout(b.tone, b.lines, b.size ?? 'normal', b.lang);
      case 'table':
        return this.table(b);
      case 'qr':
        return this.qr(b.modules, b.alt, b.widthMm);
    }
  }
}

/** Running header (title) and footer (page n of m) on every page, as pagination artifacts. */
const furnish = (doc: Doc, title: string, lang: Lang): void => {
  const range = doc.bufferedPageRange();
  const { page, of } = inLanguage(PAGINATION, lang);
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { left, right, top, bottom } = doc.page.margins;
    const w = doc.page.width - left - right;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(REG).fontSize(7.5).fillColor(MUTED);
    const head = title.length > 110 ? `${title.slice(0, 107)}…` : title;
    doc.text(head, left, top - 28, { lineBreak: false });
    doc
      .save()
      .moveTo(left, top - 16)
      .lineTo(left + w, top - 16)
      .lineWidth(0.4)
      .stroke('#b5b5b5')
      .restore();
    const label = `${page} ${i + 1 - range.start} ${of} ${range.count}`;
    doc.font(REG).fontSize(8).fillColor(MUTED);
    doc.text(label, left + w - doc.widthOfString(label), doc.page.height - bottom + 22, { lineBreak: false });
    doc.endMarkedContent();
  }
};

/** Render to a Buffer (A4, tagged, DejaVu Sans embedded). */
export const renderPdf = (d: RenderDocument, layout: PdfLayout = {}): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    const margin = layout.margin ?? 56;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: margin + 6, bottom: margin + 6, left: margin, right: margin },
      tagged: true,
      lang: d.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      bufferPages: true,
      font: FONT_REGULAR,
      info: {
        Title: metaSafe(d.title),
        ...(d.subtitle === undefined ? {} : { Subject: metaSafe(d.subtitle) }),
        ...(d.author === undefined ? {} : { Author: metaSafe(d.author) }),
        Creator: 'Proportio',
        Producer: 'Proportio (PDFKit)',
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.registerFont(REG, FONT_REGULAR);
      doc.registerFont(BOLD, FONT_BOLD);
      const root = doc.struct('Document');
      doc.addStructure(root);
      const l = new Layout(doc, root, layout.baseSize ?? 10);
      for (const b of d.blocks) l.block(b);
      root.end();
      if (layout.pageFurniture !== false) furnish(doc, d.title, d.lang);
      doc.end();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
