import { describe, expect, it } from 'vitest';
import { checkSetting, SETTING_DEFS, settingDef } from './settings.js';

describe('settings registry', () => {
  it('has each key once, and every default passes its own check', () => {
    expect(new Set(SETTING_DEFS.map((d) => d.key)).size).toBe(SETTING_DEFS.length);
    for (const d of SETTING_DEFS) expect(checkSetting(d, d.default)).toBeUndefined();
  });

  it('an integer setting takes whole numbers in its range only, and says which range', () => {
    const d = settingDef('alarm.escalationSeconds')!;
    expect(checkSetting(d, 5)).toBeUndefined();
    expect(checkSetting(d, 600)).toBeUndefined();
    for (const bad of [4, 601, 30.5, '30', null, Number.NaN])
      expect(checkSetting(d, bad)).toEqual({ rule: 'integer-range', min: 5, max: 600, unit: 'seconds' });
  });

  it('a text setting takes text up to its length', () => {
    const d = settingDef('audit.retentionNote')!;
    expect(checkSetting(d, 'x'.repeat(500))).toBeUndefined();
    expect(checkSetting(d, 'x'.repeat(501))).toEqual({ rule: 'text-length', max: 500 });
    expect(checkSetting(d, 3)).toEqual({ rule: 'text-length', max: 500 });
  });

  it('knows no other key', () => {
    expect(settingDef('evil.key')).toBeUndefined();
  });
});
