/**
 * Renders a RenderDocument as one self-contained, accessible HTML file: lang attribute, one h1,
 * headings in order, each h2 opening a section labelled by its heading, tables with a caption
 * and th scope, no scripts, no external resources, inline CSS that prints well. Every piece of
 * text is escaped: scenario text is user input.
 */
import {
  cellOf,
  runs,
  type Block,
  type Inline,
  type RenderDocument,
  type Size,
  type Tone,
} from './document.js';

export const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const inline = (c: Inline): string =>
  runs(c)
    .map((r) => {
      const t = escapeHtml(r.text).replace(/\r?\n/g, '<br>');
      return r.bold === true ? `<strong>${t}</strong>` : t;
    })
    .join('');

const langAttr = (lang: string | undefined): string => (lang === undefined ? '' : ` lang="${lang}"`);
const sizeClass = (s: Size | undefined): string =>
  s === undefined || s === 'normal' ? '' : ` class="size-${s}"`;
const TONE_LABEL: Readonly<Record<Tone, string>> = {
  negative: 'negative',
  caution: 'caution',
  positive: 'positive',
  neutral: 'neutral',
};

const CSS = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--rule:#8a8a8a;--accent:#12355b;--head:#e4ebf2}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Verdana,"Segoe UI",Arial,sans-serif;color:var(--ink);line-height:1.5;max-width:62rem;margin:0 auto;padding:1.5rem;font-size:1rem;background:#fff}
h1{color:var(--accent);font-size:1.9rem;line-height:1.2;margin:.5rem 0 1rem}
h2{color:var(--accent);font-size:1.4rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.15rem;margin-top:1.6rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
h5{font-size:.95rem;margin:1rem 0 .3rem}
p{margin:.4rem 0 .7rem}
.muted{color:var(--muted)}
.size-small{font-size:.88rem}.size-xsmall{font-size:.85rem}.size-large{font-size:1.3rem}.size-xlarge{font-size:1.7rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.4rem;font-size:.9rem}
caption{text-align:left;font-weight:700;color:var(--accent);padding:.3rem 0}
th,td{border:1px solid var(--rule);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:var(--head)}
tbody th{font-weight:700}
.callout{border-left:6px solid;padding:.7rem 1rem;margin:1rem 0}
.callout p{margin:.2rem 0}
.callout.negative{border-color:#b00020;background:#fbe9eb}.callout.caution{border-color:#9a6700;background:#fff5da}
.callout.positive{border-color:#1a7f37;background:#e6f4ea}.callout.neutral{border-color:#39597a;background:#edf2f7}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}}
`;

const block = (b: Block): string => {
  switch (b.kind) {
    case 'heading': {
      const id = b.id === undefined ? '' : ` id="${escapeHtml(b.id)}"`;
      return `<h${b.level}${id}${langAttr(b.lang)}>${escapeHtml(b.text)}</h${b.level}>`;
    }
    case 'paragraph': {
      const cls = [
        b.muted === true ? 'muted' : '',
        b.size !== undefined && b.size !== 'normal' ? `size-${b.size}` : '',
      ]
        .filter((c) => c !== '')
        .join(' ');
      return `<p${cls === '' ? '' : ` class="${cls}"`}${langAttr(b.lang)}>${inline(b.content)}</p>`;
    }
    case 'list':
      return `<ul${sizeClass(b.size)}${langAttr(b.lang)}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'callout':
      return `<div class="callout ${TONE_LABEL[b.tone]}${b.size !== undefined && b.size !== 'normal' ? ` size-${b.size}` : ''}"${langAttr(b.lang)}>${b.lines.map((l) => `<p>${inline(l)}</p>`).join('')}</div>`;
    case 'table': {
      const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`;
      const body = b.rows
        .map((r) => {
          const cells = r.map((c, i) => {
            const cell = cellOf(c);
            const text = escapeHtml(cell.text).replace(/\r?\n/g, '<br>');
            const content = cell.bold === true ? `<strong>${text}</strong>` : text;
            return b.rowHeaders && i === 0 ? `<th scope="row">${content}</th>` : `<td>${content}</td>`;
          });
          return `<tr>${cells.join('')}</tr>`;
        })
        .join('\n');
      return `<table${sizeClass(b.size)}><caption>${escapeHtml(b.caption)}</caption>${head}<tbody>\n${body}\n</tbody></table>`;
    }
    case 'qr':
      return qrSvg(b.modules, b.alt);
  }
};

/** A QR code as inline SVG: one path of unit squares, four modules of quiet zone. */
export const qrSvg = (modules: readonly (readonly boolean[])[], alt: string): string => {
  const n = modules.length + 8;
  const d = modules
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + 4} ${y + 4}h1v1h-1z` : '')))
    .join('');
  return `<svg class="qr" role="img" aria-label="${escapeHtml(alt)}" viewBox="0 0 ${n} ${n}" width="160" height="160" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
};

export const renderHtml = (d: RenderDocument): string => {
  const out: string[] = [];
  let open = false;
  let n = 0;
  for (const b of d.blocks) {
    if (b.kind === 'heading' && b.level <= 2) {
      if (open) out.push('</section>');
      open = false;
      if (b.level === 2) {
        n += 1;
        const id = b.id ?? `s${n}`;
        out.push(`<section aria-labelledby="${escapeHtml(id)}">`);
        out.push(block({ ...b, id }));
        open = true;
        continue;
      }
    }
    out.push(block(b));
  }
  if (open) out.push('</section>');
  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="Proportio">`,
    d.author === undefined ? '' : `<meta name="author" content="${escapeHtml(d.author)}">`,
    d.subtitle === undefined ? '' : `<meta name="description" content="${escapeHtml(d.subtitle)}">`,
  ].filter((m) => m !== '');
  return [
    '<!doctype html>',
    `<html lang="${d.lang}">`,
    '<head>',
    ...meta,
    `<title>${escapeHtml(d.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...out,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
