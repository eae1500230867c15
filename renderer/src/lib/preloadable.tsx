import { lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';

export type Preloadable<P extends object> = ComponentType<P> & {
  /** Starts loading the component's code (once); resolves when it is ready. */
  preload: () => Promise<unknown>;
};

/**
 * A component whose code is split off and loaded on demand, like React.lazy, but which can be loaded
 * ahead of need (`preload()`) and then renders at once. React.lazy alone suspends on every first render
 * even when the code is already there, and React holds back content that replaces a Suspense fallback
 * until 300 ms after the fallback appeared: a screen shown through a fallback costs at least that.
 * Inside a <Suspense> boundary, for when the code is not ready yet.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed load may be retried by the next caller.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Component] = useState<ComponentType<P> | LazyExoticComponent<ComponentType<P>>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return Object.assign(Preloaded, { preload });
}

/** Runs `task` when the page is idle (or after `timeout` ms at the latest), once the current screen has drawn. */
export function whenIdle(task: () => void, timeout = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
