import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

class LoadFailure extends Component<{ what: string; children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <p className="warning-note" role="alert" data-testid="deferred-failure">
        The {this.props.what} could not be shown: {this.state.error}. Restart Lantern to try again.
      </p>
    );
  }
}

/**
 * A component whose module loads the first time it is shown (its own chunk in the build): a
 * "Loading the …" note until then, and the reason in place of it if loading or rendering fails.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, what: string) {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  function Deferred(props: P) {
    return (
      <LoadFailure what={what}>
        <Suspense
          fallback={
            <p className="empty-note" aria-busy="true" data-testid="deferred-loading">
              Loading the {what}…
            </p>
          }
        >
          <Loaded {...props} />
        </Suspense>
      </LoadFailure>
    );
  }
  return Deferred;
}
