import { LinkButton, NavBar, NavList, NavListLink } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { navEntriesFor, type NavGroupKey, type PageKey, type RouteDef } from '../routes.js';
import { useRouter } from '../router.js';

export interface MainNavProps {
  readonly permissions: readonly string[];
  /** The page shown now (its link carries aria-current, its group is marked). */
  readonly current: PageKey | undefined;
  /** The phone's fold: pp-open or pp-folded (see layout.css). */
  readonly className: string;
}

/**
 * The main navigation: one row of pages and groups (a disclosure each: a button with aria-expanded
 * that shows its pages below it). One group is open at a time; Escape closes it and gives the focus
 * back to its button, and so do a click or the focus going elsewhere. On a phone the whole
 * navigation folds behind the header's "Menu" button and a group opens in place.
 */
export const MainNav = ({ permissions, current, className }: MainNavProps) => {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState<NavGroupKey | null>(null);
  const buttons = useRef(new Map<NavGroupKey, HTMLButtonElement>());
  const path = router.path;
  useEffect(() => setOpen(null), [path]);

  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.navigate(to);
  };
  const link = (r: RouteDef) => (
    <NavListLink
      key={r.key}
      href={r.path}
      onClick={go(r.path)}
      aria-current={current === r.key ? 'page' : undefined}
    >
      {t.nav[r.key]}
    </NavListLink>
  );
  const onKeyDown = (group: NavGroupKey) => (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || open !== group) return;
    e.preventDefault();
    setOpen(null);
    buttons.current.get(group)?.focus();
  };
  // Tabbing out of an open group closes it, so no menu hangs over the page behind the focus.
  const onBlur = (group: NavGroupKey) => (e: FocusEvent<HTMLLIElement>) => {
    if (open === group && !e.currentTarget.contains(e.relatedTarget)) setOpen(null);
  };

  // A click outside the open group closes it.
  useEffect(() => {
    if (open === null) return undefined;
    const close = (e: PointerEvent) => {
      const item = buttons.current.get(open)?.parentElement;
      if (item && !item.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <NavBar id="pp-main-nav" aria-label={t.mainNav} className={`pp-nav ${className}`}>
      <NavList>
        {navEntriesFor(permissions).map((entry) => {
          if (entry.kind === 'page') return link(entry.route);
          const { group, routes } = entry;
          const expanded = open === group;
          const panel = `pp-nav-${group}`;
          const holdsCurrent = routes.some((r) => r.key === current);
          return (
            <li
              key={group}
              className={`utrecht-nav-list__item pp-nav__group${holdsCurrent ? ' pp-nav__group--current' : ''}`}
              onKeyDown={onKeyDown(group)}
              onBlur={onBlur(group)}
            >
              <LinkButton
                ref={(el: HTMLButtonElement | null) => {
                  if (el) buttons.current.set(group, el);
                  else buttons.current.delete(group);
                }}
                className="utrecht-nav-list__link pp-nav__toggle"
                aria-expanded={expanded}
                aria-controls={panel}
                onClick={() => setOpen(expanded ? null : group)}
              >
                {t.navGroups[group]}
              </LinkButton>
              <ul id={panel} role="list" className="pp-nav__panel" hidden={!expanded}>
                {routes.map(link)}
              </ul>
            </li>
          );
        })}
      </NavList>
    </NavBar>
  );
};
