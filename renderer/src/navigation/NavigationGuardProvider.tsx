import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { NavigationGuardContext, type NavigateOptions, type NavigationGuard } from './navigation-guard';

const pathOfHash = (url: string): string => new URL(url).hash.replace(/^#/, '') || '/';

/**
 * Keeps unsaved form input from being lost by accident. In-app navigation goes through `navigate`;
 * anything else that changes the hash (back button, a plain link) is caught on `hashchange` before the
 * router sees it, and closing or reloading the window triggers the browser's own `beforeunload` prompt.
 */
export function NavigationGuardProvider({ children }: { children: ReactNode }) {
  const [, setLocation] = useLocation();
  const dirtyKeys = useRef(new Set<string>());
  const bypass = useRef(false);
  const [pending, setPending] = useState<string | null>(null);

  const go = useCallback(
    (to: string, replace = false) => {
      bypass.current = true;
      try {
        setLocation(to, { replace });
      } finally {
        bypass.current = false;
      }
    },
    [setLocation],
  );

  const navigate = useCallback<NavigationGuard['navigate']>(
    (to: string, options: NavigateOptions = {}) => {
      if (!options.force && dirtyKeys.current.size > 0) setPending(to);
      else go(to, options.replace);
    },
    [go],
  );

  const setDirty = useCallback((key: string, dirty: boolean) => {
    if (dirty) dirtyKeys.current.add(key);
    else dirtyKeys.current.delete(key);
  }, []);

  useEffect(() => {
    // The address the app is showing; a history step away from it is undone while a form is dirty.
    let shown = window.location.href;
    const blocked = () => !bypass.current && dirtyKeys.current.size > 0;
    const stayAndAsk = (target: string) => {
      history.replaceState(history.state, '', shown);
      setPending(pathOfHash(target));
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyKeys.current.size > 0) event.preventDefault();
    };
    // Back/forward: popstate comes first and synchronously; undoing the step here, before anything
    // renders, keeps the router (which listens to the later hashchange) on the form.
    const onPopState = () => {
      if (window.location.href !== shown && blocked()) stayAndAsk(window.location.href);
    };
    // Capture phase on window runs before the router's own listener, so a plain link can be stopped too.
    const onHashChange = (event: HashChangeEvent) => {
      if (window.location.href === shown) return;
      if (blocked()) {
        event.stopImmediatePropagation();
        stayAndAsk(event.newURL);
        return;
      }
      shown = window.location.href;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState, { capture: true });
    window.addEventListener('hashchange', onHashChange, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState, { capture: true });
      window.removeEventListener('hashchange', onHashChange, { capture: true });
    };
  }, []);

  const discard = () => {
    const to = pending;
    setPending(null);
    dirtyKeys.current.clear();
    if (to !== null) go(to);
  };

  const value = useMemo(() => ({ navigate, setDirty }), [navigate, setDirty]);

  return (
    <NavigationGuardContext.Provider value={value}>
      {children}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Discard unsaved changes?" centered>
        <Text size="sm" mb="lg">
          You have changes on this page that are not saved yet. If you leave now, they will be lost.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            Keep editing
          </Button>
          <Button color="red" onClick={discard}>
            Discard changes
          </Button>
        </Group>
      </Modal>
    </NavigationGuardContext.Provider>
  );
}
