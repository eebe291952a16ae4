/**
 * Prometheus text exposition (0.0.4) for the capabilities that are not the recorder: metric
 * families and a fixed-bucket histogram. Pure: the caller observes values and renders text.
 */

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

const labelText = (labels: Readonly<Record<string, string>>): string => {
  const l = Object.entries(labels)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',');
  return l === '' ? '' : `{${l}}`;
};

export type MetricRow = readonly [Readonly<Record<string, string>>, number];

/** One family: HELP, TYPE and its rows, ending in a newline. */
export const metricFamily = (
  name: string,
  type: 'gauge' | 'counter',
  help: string,
  rows: readonly MetricRow[],
): string =>
  [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...rows.map(([labels, v]) => `${name}${labelText(labels)} ${Number.isFinite(v) ? String(v) : 'NaN'}`),
    '',
  ].join('\n');

export interface Histogram {
  observe(labels: Readonly<Record<string, string>>, value: number): void;
  render(): string;
}

/**
 * A histogram per label set, with cumulative buckets (upper bounds in ascending order, +Inf
 * added), _sum and _count, as Prometheus reads them. A negative value (clocks of two instances
 * a little apart) counts as 0.
 */
export const histogram = (name: string, help: string, bounds: readonly number[]): Histogram => {
  const series = new Map<
    string,
    { labels: Readonly<Record<string, string>>; counts: number[]; sum: number; n: number }
  >();
  return {
    observe(labels, value) {
      const v = Math.max(0, value);
      const key = labelText(labels);
      let s = series.get(key);
      if (!s) series.set(key, (s = { labels, counts: bounds.map(() => 0), sum: 0, n: 0 }));
      bounds.forEach((b, i) => {
        if (v <= b) s.counts[i]!++;
      });
      s.sum += v;
      s.n++;
    },
    render() {
      const out = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
      for (const s of series.values()) {
        bounds.forEach((b, i) =>
          out.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`),
        );
        out.push(`${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.n}`);
        out.push(`${name}_sum${labelText(s.labels)} ${s.sum}`);
        out.push(`${name}_count${labelText(s.labels)} ${s.n}`);
      }
      return `${out.join('\n')}\n`;
    },
  };
};
