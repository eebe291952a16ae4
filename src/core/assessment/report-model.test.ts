import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare.js';
import { alternativeName, leastIntrusiveText } from './report-model.js';
import { t } from './text.js';

const alternatives = (per: Comparison['leastIntrusivePerPurpose']) => ({
  alternatives: {
    rows: [
      { measureId: 'alarm-button' as const, name: t('Alarmknop', 'Alarmknop (en)') },
      { measureId: 'incident-recording' as const, name: t('Opname bij alarm', 'Opname bij alarm (en)') },
    ],
    leastIntrusivePerPurpose: per,
  },
});

describe('the alternatives in words', () => {
  it.each([
    ['a measure in the table', 'alarm-button', t('Alarmknop', 'Alarmknop (en)')],
    ['a measure not in the table keeps its id', 'not-a-measure', t('not-a-measure', 'not-a-measure')],
  ])('alternativeName: %s', (_name, id, name) => {
    expect(alternativeName(alternatives({}), id)).toEqual(name);
  });

  it.each<[string, Comparison['leastIntrusivePerPurpose'], ReturnType<typeof leastIntrusiveText>]>([
    ['no purpose met by any measure', {}, undefined],
    [
      'one per purpose kind, in the kinds’ own names',
      { 'immediate-help': 'alarm-button', evidence: 'incident-recording' },
      {
        nl: 'directe hulp → Alarmknop; bewijs → Opname bij alarm',
        en: 'immediate help → Alarmknop (en); evidence → Opname bij alarm (en)',
      },
    ],
  ])('leastIntrusiveText: %s', (_name, per, text) => {
    expect(leastIntrusiveText(alternatives(per))).toEqual(text);
  });
});
