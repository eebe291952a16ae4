import { describe, expect, it } from 'vitest';
import { histogram, metricFamily } from './prometheus.js';

describe('prometheus text', () => {
  it('a histogram counts cumulatively per label set, with +Inf, sum and count', () => {
    const h = histogram('x_seconds', 'Delay.', [0.1, 1]);
    h.observe({ channel: 'sse' }, 0.05);
    h.observe({ channel: 'sse' }, 0.5);
    h.observe({ channel: 'sse' }, 3);
    h.observe({ channel: 'mqtt' }, -0.01);
    expect(h.render().split('\n')).toEqual([
      '# HELP x_seconds Delay.',
      '# TYPE x_seconds histogram',
      'x_seconds_bucket{channel="sse",le="0.1"} 1',
      'x_seconds_bucket{channel="sse",le="1"} 2',
      'x_seconds_bucket{channel="sse",le="+Inf"} 3',
      'x_seconds_sum{channel="sse"} 3.55',
      'x_seconds_count{channel="sse"} 3',
      'x_seconds_bucket{channel="mqtt",le="0.1"} 1',
      'x_seconds_bucket{channel="mqtt",le="1"} 1',
      'x_seconds_bucket{channel="mqtt",le="+Inf"} 1',
      'x_seconds_sum{channel="mqtt"} 0',
      'x_seconds_count{channel="mqtt"} 1',
      '',
    ]);
  });

  it('a family escapes label values and writes NaN for what is not a number', () => {
    expect(
      metricFamily('y', 'gauge', 'Y.', [
        [{ name: 'a"b\\c\nd' }, Number.NaN],
        [{}, 2],
      ]),
    ).toBe('# HELP y Y.\n# TYPE y gauge\ny{name="a\\"b\\\\c\\nd"} NaN\ny 2\n');
  });
});
