/** A tiny history-API router: the server answers every non-API path with index.html. */
import { createContext, useContext } from 'react';

export interface Router {
  readonly path: string;
  /** The query string of the address ("?site=…", or ""): pages keep their filters here, so Back and a shared link work. */
  readonly search: string;
  /** Counts client-side navigations, so pages know when to move focus to their heading. */
  readonly navigations: number;
  /** A confirmation carried to the page navigated to ("Opgeslagen."); gone at the next navigation. */
  readonly flash: string | undefined;
  /**
   * Goes to `path`, which may carry a query string ("/incidents?status=unreported"). `sameScreen` keeps the page as it is (its state, focus) and only changes the
   * address: the wizard's steps, each its own history entry.
   */
  readonly navigate: (path: string, flash?: string, options?: { readonly sameScreen?: boolean }) => void;
}

export const RouterContext = createContext<Router>({
  path: '/',
  search: '',
  navigations: 0,
  flash: undefined,
  navigate: () => undefined,
});

export const useRouter = (): Router => useContext(RouterContext);

/**
 * What may stop a navigation away from unsaved input: at most one guard at a time (the screen
 * with the input). It gets the path the user is going to and says whether to go.
 */
let leaveGuard: ((to: string) => boolean) | undefined;

/** Installs a guard; the returned function removes it again (only if it is still this one). */
export const guardLeaving = (guard: (to: string) => boolean): (() => void) => {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = undefined;
  };
};

/** Whether navigating to `to` may go ahead (asks the guard, if any). */
export const mayLeave = (to: string): boolean => leaveGuard?.(to) ?? true;
