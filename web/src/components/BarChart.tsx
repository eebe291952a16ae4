/**
 * A horizontal (stacked) bar chart as inline SVG — no chart library. The SVG is one image for
 * assistive technology (role="img" with a title and a description); the same figures follow in a
 * captioned data table, which is the accessible alternative (WCAG 1.1.1) and also what people
 * copy from. Colours come from the design tokens (layout.css); a visible legend names them and
 * segments are separated by a white rule, so colour is never the only cue (the table has it all).
 */
import { useId } from 'react';
import { ResourceTable } from './ResourcePage.js';
import { TableScroll } from './TableScroll.js';

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
}

export interface ChartRow {
  readonly label: string;
  /** Values by series key. */
  readonly values: Readonly<Record<string, number>>;
  /** An optional marker drawn as a tick on the bar (e.g. the 90th percentile). */
  readonly marker?: number | null;
}

export interface BarChartProps {
  readonly title: string;
  readonly description: string;
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
  /** Header of the first table column. */
  readonly groupHeader: string;
  readonly format?: (n: number) => string;
  /** Extra table columns (e.g. the marker's value). */
  readonly extraColumns?: readonly { readonly header: string; readonly cell: (row: ChartRow) => string }[];
  /** Header of the total column; left out when undefined. */
  readonly totalHeader?: string;
  readonly tableCaption: string;
  readonly legendLabel: string;
}

/**
 * Two drawings of the same bars: wide (label left of the bar) for a desktop, narrow (label above
 * the bar) for a phone, where the wide one would shrink its text below reading size. CSS shows one
 * (layout.css); the other is display:none, so assistive technology meets one image.
 */
const LAYOUTS = {
  wide: { width: 820, labelW: 330, labelH: 0, maxLabel: 46 },
  narrow: { width: 360, labelW: 0, labelH: 20, maxLabel: 44 },
} as const;
type Layout = keyof typeof LAYOUTS;
const VALUE_W = 60;
const BAR_H = 22;
const GAP = 10;

const Plot = ({
  layout,
  title,
  description,
  series,
  rows,
  format,
}: Pick<BarChartProps, 'title' | 'description' | 'series' | 'rows'> & {
  readonly layout: Layout;
  readonly format: (n: number) => string;
}) => {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const { width, labelW, labelH, maxLabel } = LAYOUTS[layout];
  const total = (r: ChartRow) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0);
  const max = Math.max(1, ...rows.map((r) => Math.max(total(r), r.marker ?? 0)));
  const plotW = width - labelW - VALUE_W;
  const rowH = labelH + BAR_H + GAP;
  const height = rows.length * rowH + GAP;
  const scale = (v: number) => (v / max) * plotW;
  const short = (s: string) => (s.length > maxLabel ? `${s.slice(0, maxLabel - 1)}…` : s);

  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      className={`pp-chart__svg pp-chart__svg--${layout}`}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {rows.map((r, i) => {
        const y = GAP + i * rowH + labelH;
        let x = labelW;
        return (
          <g key={r.label}>
            <text
              x={layout === 'wide' ? labelW - 8 : 0}
              y={layout === 'wide' ? y + BAR_H / 2 : y - 6}
              className="pp-chart__label"
              textAnchor={layout === 'wide' ? 'end' : 'start'}
              dominantBaseline={layout === 'wide' ? 'middle' : 'auto'}
            >
              {short(r.label)}
            </text>
            <line
              x1={labelW}
              x2={labelW}
              y1={y - (layout === 'wide' ? GAP / 2 : 0)}
              y2={y + BAR_H + (layout === 'wide' ? GAP / 2 : 0)}
              className="pp-chart__axis"
            />
            {series.map((s, si) => {
              const v = r.values[s.key] ?? 0;
              if (v <= 0) return null;
              const w = scale(v);
              const rect = (
                <rect
                  key={s.key}
                  x={x}
                  y={y}
                  width={w}
                  height={BAR_H}
                  className={`pp-chart__bar pp-chart__s${si % 6}`}
                />
              );
              x += w;
              return rect;
            })}
            {r.marker !== undefined && r.marker !== null ? (
              <line
                x1={labelW + scale(r.marker)}
                x2={labelW + scale(r.marker)}
                y1={y - 3}
                y2={y + BAR_H + 3}
                className="pp-chart__marker"
              />
            ) : null}
            <text
              x={Math.max(x, r.marker ? labelW + scale(r.marker) : 0) + 6}
              y={y + BAR_H / 2}
              className="pp-chart__value"
              dominantBaseline="middle"
            >
              {format(total(r))}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export const BarChart = ({
  title,
  description,
  series,
  rows,
  groupHeader,
  format = String,
  extraColumns = [],
  totalHeader,
  tableCaption,
  legendLabel,
}: BarChartProps) => {
  const total = (r: ChartRow) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0);
  const plot = { title, description, series, rows, format };
  return (
    <figure className="pp-chart">
      <Plot layout="wide" {...plot} />
      <Plot layout="narrow" {...plot} />
      {series.length > 1 ? (
        <ul className="pp-chart__legend" aria-label={legendLabel}>
          {series.map((s, si) => (
            <li key={s.key}>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" className={`pp-chart__s${si % 6}`} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <TableScroll label={tableCaption}>
        <ResourceTable
          caption={tableCaption}
          rows={rows}
          rowKey={(r) => r.label}
          rowHeader={{ header: groupHeader, cell: (r) => r.label }}
          columns={[
            ...series.map((s) => ({ header: s.label, cell: (r: ChartRow) => format(r.values[s.key] ?? 0) })),
            ...extraColumns,
            ...(totalHeader !== undefined
              ? [{ header: totalHeader, cell: (r: ChartRow) => format(total(r)) }]
              : []),
          ]}
        />
      </TableScroll>
    </figure>
  );
};
