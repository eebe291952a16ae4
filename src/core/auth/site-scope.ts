/**
 * Site scope of an account: the sites it serves, where an empty list means every site. An
 * administrator limited to some sites manages only accounts inside them and grants nothing
 * beyond them — not another site, and not "every site".
 */
export type SiteScope = readonly string[];

/** True when `holder` covers all of `wanted` (an empty `wanted` is every site). */
export const coversSites = (holder: SiteScope, wanted: SiteScope): boolean =>
  holder.length === 0 || (wanted.length > 0 && wanted.every((s) => holder.includes(s)));

/** The same members (sites, roles), in any order and with repeats ignored. */
export const sameMembers = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((s) => y.has(s));
};
