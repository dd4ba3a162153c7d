import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Follows the operating system's light or dark preference. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(
    (notify) => {
      const media = query();
      media.addEventListener('change', notify);
      return () => media.removeEventListener('change', notify);
    },
    () => (query().matches ? 'dark' : 'light'),
  );
}
