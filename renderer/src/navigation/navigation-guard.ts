import { createContext, useContext, useEffect, useId, type MouseEvent } from 'react';

export interface NavigateOptions {
  /** Leave even with unsaved changes (after they were saved, or the user chose to discard them). */
  force?: boolean;
  replace?: boolean;
}

export interface NavigationGuard {
  /** Goes to an app path, first asking "Discard unsaved changes?" when a form has some. */
  navigate: (to: string, options?: NavigateOptions) => void;
  /** A form reports whether it holds unsaved changes; `key` tells several forms apart. */
  setDirty: (key: string, dirty: boolean) => void;
}

export const NavigationGuardContext = createContext<NavigationGuard | null>(null);

export function useNavigationGuard(): NavigationGuard {
  const guard = useContext(NavigationGuardContext);
  if (!guard) throw new Error('useNavigationGuard must be used inside NavigationGuardProvider');
  return guard;
}

/** Shorthand for the guarded navigate function. */
export const useGuardedNavigate = (): NavigationGuard['navigate'] => useNavigationGuard().navigate;

/** While `dirty` is true, leaving the page (links, back button, closing the window) asks first. */
export function useUnsavedChanges(dirty: boolean): void {
  const { setDirty } = useNavigationGuard();
  const key = useId();
  useEffect(() => {
    setDirty(key, dirty);
  }, [setDirty, key, dirty]);
  useEffect(() => () => setDirty(key, false), [setDirty, key]);
}

/** `href` and `onClick` for an in-app link that goes through the guard (keeps "open link" semantics). */
export function useGuardedLink(): (to: string) => { href: string; onClick: (event: MouseEvent<HTMLElement>) => void } {
  const navigate = useGuardedNavigate();
  return (to) => ({
    href: `#${to}`,
    onClick: (event) => {
      event.preventDefault();
      navigate(to);
    },
  });
}
