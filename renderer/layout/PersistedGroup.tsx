import type { ReactNode, Ref } from 'react';
import { Group, type GroupImperativeHandle, type Layout } from 'react-resizable-panels';
import { useLantern } from '../store';

interface PersistedGroupProps {
  /** Names the saved sizes (preferences.paneLayouts) and the group element (id, data-testid). */
  id: string;
  orientation: 'horizontal' | 'vertical';
  className?: string;
  groupRef?: Ref<GroupImperativeHandle | null>;
  /** Overrides the saved sizes at mount (the sidebar starts collapsed, yet its width is kept). */
  initialLayout?: Layout;
  /** Told of every layout a user made, after the drag or key press ends. */
  onUserLayout?: (layout: Layout) => void;
  /** Whether a layout is worth keeping (the sidebar's collapsed layout is not: its width is). */
  keep?: (layout: Layout) => boolean;
  children: ReactNode;
}

/** A react-resizable-panels group whose sizes are kept with the preferences, across reloads and restarts. */
export function PersistedGroup({
  id,
  orientation,
  className,
  groupRef,
  onUserLayout,
  keep = () => true,
  initialLayout,
  children,
}: PersistedGroupProps) {
  // Read once: the group owns its sizes after it mounts; the saved ones only seed it.
  const saved = initialLayout ?? useLantern.getState().preferences.paneLayouts[id];
  return (
    <Group
      id={id}
      orientation={orientation}
      className={className}
      groupRef={groupRef}
      defaultLayout={saved}
      onLayoutChanged={(layout, meta) => {
        if (!meta.isUserInteraction) return;
        const wanted = meta.requestedLayout ?? layout;
        onUserLayout?.(wanted);
        if (keep(wanted)) useLantern.getState().setPaneLayout(id, wanted);
      }}
    >
      {children}
    </Group>
  );
}
