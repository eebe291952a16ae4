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

const WIDTH = 820;
const LABEL_W = 330;
const VALUE_W = 60;
const BAR_H = 22;
const GAP = 10;

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
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const total = (r: ChartRow) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0);
  const max = Math.max(1, ...rows.map((r) => Math.max(total(r), r.marker ?? 0)));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const height = rows.length * (BAR_H + GAP) + GAP;
  const scale = (v: number) => (v / max) * plotW;
  const short = (s: string) => (s.length > 46 ? `${s.slice(0, 45)}…` : s);

  return (
    <figure className="pp-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="pp-chart__svg"
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {rows.map((r, i) => {
          const y = GAP + i * (BAR_H + GAP);
          let x = LABEL_W;
          return (
            <g key={r.label}>
              <text
                x={LABEL_W - 8}
                y={y + BAR_H / 2}
                className="pp-chart__label"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {short(r.label)}
              </text>
              <line
                x1={LABEL_W}
                x2={LABEL_W}
                y1={y - GAP / 2}
                y2={y + BAR_H + GAP / 2}
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
                  x1={LABEL_W + scale(r.marker)}
                  x2={LABEL_W + scale(r.marker)}
                  y1={y - 3}
                  y2={y + BAR_H + 3}
                  className="pp-chart__marker"
                />
              ) : null}
              <text
                x={Math.max(x, r.marker ? LABEL_W + scale(r.marker) : 0) + 6}
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
