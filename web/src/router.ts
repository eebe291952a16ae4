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
  /** `path` may carry a query string ("/incidents?status=unreported"). */
  readonly navigate: (path: string, flash?: string) => void;
}

export const RouterContext = createContext<Router>({
  path: '/',
  search: '',
  navigations: 0,
  flash: undefined,
  navigate: () => undefined,
});

export const useRouter = (): Router => useContext(RouterContext);
