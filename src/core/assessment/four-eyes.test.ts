import { describe, expect, it } from 'vitest';
import { contributionsTo, mayDecide, type ContributionKind, type VersionContributions } from './four-eyes.js';

/** Version 2 of an assessment that "auteur" started; everyone else did one step each. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const base = (): Mutable<VersionContributions> => ({
  version: 2,
  createdBy: 'bewerker',
  dpoAdvice: { by: 'fg' },
  dataSubjectViews: { by: 'zienswijzen' },
  humanJudgements: [{ by: 'oordelaar', ruleId: 'PROP-1' }],
  contributions: [
    { kind: 'dpo-advice', by: 'fg' },
    { kind: 'views', by: 'zienswijzen' },
    { kind: 'judgement', by: 'oordelaar', ruleId: 'PROP-1' },
    { kind: 'submission', by: 'indiener' },
  ],
});
const earlier = [{ version: 1, createdBy: 'auteur' }];

const cases: {
  name: string;
  decider: string;
  change?: (v: Mutable<VersionContributions>) => void;
  bars: ContributionKind[];
}[] = [
  { name: 'an official who did nothing on it', decider: 'secretaris', bars: [] },
  { name: 'the author of the version (any edit)', decider: 'bewerker', bars: ['authored'] },
  { name: 'the author of an earlier version', decider: 'auteur', bars: ['authored-earlier-version'] },
  { name: 'the DPO who advised (Art. 38(6))', decider: 'fg', bars: ['dpo-advice'] },
  { name: 'who recorded the views (Art. 35(9))', decider: 'zienswijzen', bars: ['views'] },
  { name: 'who recorded a human judgement', decider: 'oordelaar', bars: ['judgement'] },
  { name: 'who submitted', decider: 'indiener', bars: ['submission'] },
  {
    // The reported case: one user with security and decision-maker roles did views, judgement and submission.
    name: 'security + decision-maker who recorded views, judgement and submitted',
    decider: 'dubbel',
    change: (v) => {
      v.dataSubjectViews = { by: 'dubbel' };
      v.humanJudgements = [{ by: 'dubbel', ruleId: 'PROP-1' }];
      v.contributions = [
        { kind: 'dpo-advice', by: 'fg' },
        { kind: 'views', by: 'dubbel' },
        { kind: 'judgement', by: 'dubbel', ruleId: 'PROP-1' },
        { kind: 'submission', by: 'dubbel' },
      ];
    },
    bars: ['views', 'judgement', 'submission'],
  },
  {
    name: 'who recorded the views, later recorded again by someone else',
    decider: 'dubbel',
    change: (v) => {
      v.contributions = [{ kind: 'views', by: 'dubbel' }, ...v.contributions];
    },
    bars: ['views'],
  },
  {
    name: 'a record without its log entry (stored before the log) still bars',
    decider: 'fg',
    change: (v) => {
      v.contributions = [];
    },
    bars: ['dpo-advice'],
  },
];

describe('four-eyes on assessment decisions (DOMAIN.md section 2; GDPR Art. 38(6))', () => {
  it.each(cases)('$name → barred by $bars', ({ decider, change, bars }) => {
    const v = base();
    change?.(v);
    const right = mayDecide(decider, v.version, contributionsTo(v, 'auteur', earlier));
    if (bars.length === 0) expect(right).toEqual({ may: true });
    else {
      expect(right.may).toBe(false);
      if (!right.may) expect(right.contributions.map((c) => c.kind)).toEqual(bars);
    }
  });

  it('says which contributions bar the decider, in Dutch and English', () => {
    const v = base();
    v.dataSubjectViews = { by: 'dubbel' };
    v.humanJudgements = [{ by: 'dubbel', ruleId: 'PROP-1' }];
    v.contributions = [
      { kind: 'views', by: 'dubbel' },
      { kind: 'judgement', by: 'dubbel', ruleId: 'PROP-1' },
      { kind: 'submission', by: 'dubbel' },
    ];
    const right = mayDecide('dubbel', 2, contributionsTo(v, 'auteur', earlier));
    if (right.may) throw new Error('should be barred');
    expect(right.reason.nl).toBe(
      'U mag niet beslissen over versie 2: u heeft de zienswijzen van betrokkenen vastgelegd, u heeft het menselijk oordeel over PROP-1 vastgelegd en u heeft deze versie ingediend. Een ander beslist (vier-ogenprincipe).',
    );
    expect(right.reason.en).toBe(
      'You may not decide on version 2: you recorded the views of the data subjects, you recorded the human judgement on PROP-1 and you submitted this version. Another person decides (four-eyes).',
    );
  });

  it('lists the author of the assessment once, even when they also wrote this version', () => {
    const c = contributionsTo(
      { version: 1, createdBy: 'auteur', humanJudgements: [], contributions: [] },
      'auteur',
      [],
    );
    expect(c).toEqual([{ kind: 'authored', by: 'auteur' }]);
  });

  it('names a contribution once, however often the log and the records repeat it', () => {
    const v = base();
    const c = contributionsTo(v, 'auteur', earlier).filter((x) => x.by === 'fg');
    expect(c).toEqual([{ kind: 'dpo-advice', by: 'fg' }]);
  });

  it('ignores later versions when naming earlier authors', () => {
    const c = contributionsTo(
      { version: 1, createdBy: 'auteur', humanJudgements: [], contributions: [] },
      'auteur',
      [{ version: 2, createdBy: 'later' }],
    );
    expect(c.some((x) => x.by === 'later')).toBe(false);
  });
});
