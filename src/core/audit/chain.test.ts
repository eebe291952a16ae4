import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, link, readDetails, verifyChain, type AuditEntry } from './chain.js';

const build = (n: number): AuditEntry[] => {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      link(out.at(-1), {
        at: `2026-01-0${(i % 9) + 1}T10:00:00.000Z`,
        actor: 'user:1',
        action: 'site.create',
        subject: `site:${i}`,
        details: { name: `Site ${i}`, nested: { b: 1, a: [1, 'x'] } },
      }),
    );
  }
  return out;
};

describe('canonicalJson', () => {
  it('sorts keys and drops undefined so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: 'é' } })).toBe('{"a":{"c":"é"},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('refuses values that have no canonical form', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(/function/);
  });
});

describe('audit chain', () => {
  it('links the first entry to the genesis hash and each next one to its predecessor', () => {
    const chain = build(3);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(chain)).toEqual({ ok: true, checked: 3 });
  });

  it('names an altered entry', () => {
    const chain = build(5);
    chain[2] = { ...chain[2]!, details: { name: 'changed' } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, checked: 2, problem: { kind: 'altered', seq: 3 } });
  });

  it('names a removed entry', () => {
    const chain = build(5);
    chain.splice(3, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, problem: { kind: 'removed', seq: 4 } });
  });

  it('names reordered entries (rows read by seq, contents swapped)', () => {
    const chain = build(5);
    const [a, b] = [chain[1]!, chain[2]!];
    chain[1] = { ...b, seq: 2 };
    chain[2] = { ...a, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({
      ok: false,
      checked: 1,
      problem: { kind: 'reordered', seq: 2 },
    });
  });

  it('detects an entry re-numbered to hide a removal', () => {
    const chain = build(4);
    // Remove entry 2 and renumber entry 3 as 2: the link to entry 1 no longer holds.
    const renumbered = { ...chain[2]!, seq: 2 };
    expect(verifyChain([chain[0]!, renumbered, chain[3]!])).toMatchObject({ ok: false, problem: { seq: 2 } });
  });
});

describe('damaged rows', () => {
  it('reads stored details only when they are a JSON object that can be hashed', () => {
    expect(readDetails('{"b":1,"a":[2]}')).toEqual({ ok: true, details: { a: [2], b: 1 } });
    expect(readDetails('{"name":')).toEqual({ ok: false, reason: 'details are not valid JSON' });
    expect(readDetails('[1]')).toMatchObject({ ok: false, reason: 'details are not a JSON object' });
    expect(readDetails('null')).toMatchObject({ ok: false });
    expect(readDetails('{"x":1e999}')).toMatchObject({ ok: false, reason: /cannot be hashed/ });
  });

  it('names a damaged entry as a finding, after the intact ones before it', () => {
    const chain = build(4);
    chain[2] = { ...chain[2]!, details: {}, damage: { reason: 'details are not valid JSON', raw: '{' } };
    expect(verifyChain(chain)).toEqual({
      ok: false,
      checked: 2,
      problem: { kind: 'damaged', seq: 3, detail: 'entry 3 is damaged: details are not valid JSON' },
    });
  });
});
