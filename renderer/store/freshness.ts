/**
 * The two rules every kind of server state in the store follows (credentials, tokens, cookies…).
 */

/**
 * Newest question wins. Each refresh takes a ticket before it asks; its answer is used only if no
 * newer refresh was asked meanwhile, because an older answer can arrive later (a slow jar, a busy
 * main side) and would put back what the newer one replaced.
 */
export function newestOnly(): () => () => boolean {
  let newest = 0;
  return () => {
    const ticket = ++newest;
    return () => ticket === newest;
  };
}

/**
 * Shown state stays fresh: it is refreshed whenever a component starts showing it, and after an
 * action that may change it while one shows it. While nothing shows it nothing is fetched: the next
 * component to show it asks again.
 */
export function watchers(refresh: () => void): { watch: () => () => void; invalidate: () => void } {
  let count = 0;
  return {
    watch: () => {
      count++;
      refresh();
      let stopped = false;
      return () => {
        if (!stopped) count--;
        stopped = true;
      };
    },
    invalidate: () => {
      if (count > 0) refresh();
    },
  };
}
