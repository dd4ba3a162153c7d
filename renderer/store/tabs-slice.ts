import type { StateCreator } from 'zustand';
import type { RequestDraft } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import type { CallError } from '../../shared/model/result';
import { call, on } from '../api';
import { draftFingerprint, emptyDraft } from './drafts';
import { moveTo, nextActiveAfterClose, placeOpenedTab } from './tab-list';
import { activeUndefinedVariables } from './undefined-variables';
import type { LanternState } from './index';

export type SendPhase = 'idle' | 'sending' | 'done' | 'failed';

/** The parts of the response pane; each request tab remembers its own. */
export type ResponsePart =
  'body' | 'graphql' | 'headers' | 'cookies' | 'timeline' | 'diagnostics' | 'tokens' | 'tests';

export interface RequestTab {
  id: string;
  /** The sample or saved request it was opened from; its name titles the tab. */
  sourceId: string | undefined;
  name: string | undefined;
  /** The workspace of the saved request it shows; other tabs use the open workspace's jar (`jarWorkspaceOf`). */
  workspaceId?: string;
  /** A tab reopened from history: the saved request it was sent as, whose folders a re-send applies again. */
  replayOf?: { savedRequestId: string; workspaceId?: string };
  draft: RequestDraft;
  /**
   * A preview tab (opened with one click from history or the sidebar, title in italics) is
   * replaced by the next one opened that way; editing, sending or double-clicking pins it.
   */
  preview: boolean;
  /** The draft as last opened or saved: the tab shows a dot while they differ. */
  baseline: string;
  phase: SendPhase;
  /** The response of the last send; cleared when a send fails (it then becomes `previous`). */
  exchange: Exchange | undefined;
  /** The GraphQL result view applies: the exchange was sent from a GraphQL body. */
  exchangeIsGraphql: boolean;
  /** After a failed send: the response before it, shown only on request and marked as previous. */
  previous: Exchange | undefined;
  sendError: CallError | undefined;
  /** The response part this tab shows (Body, Headers, Timeline…). */
  responsePart: ResponsePart;
  /** Sends stopped before leaving because a `{{variable}}` is undefined (the URL bar lists them). */
  blockedSends: number;
  inFlightId: string | undefined;
  receivedBytes: number;
}

export interface OpenTabOptions {
  draft?: RequestDraft;
  sourceId?: string;
  name?: string;
  workspaceId?: string;
  replayOf?: RequestTab['replayOf'];
  /** A response to show at once (a reopened history entry). */
  exchange?: Exchange;
  sendError?: CallError;
  /** Open as the preview tab (see `RequestTab.preview`). */
  preview?: boolean;
}

export interface TabsSlice {
  tabs: RequestTab[];
  activeTabId: string;
  openTab: (options?: OpenTabOptions) => void;
  /** Closes tabs at once, unsaved or not: callers ask first (`requestClose` does). */
  closeTabs: (ids: string[]) => void;
  selectTab: (id: string) => void;
  /** Keeps a preview tab open (double-click on it, or on its sidebar or history entry). */
  pinTab: (id: string) => void;
  /** Moves a tab to `toIndex` in the strip (drag and drop). */
  moveTab: (id: string, toIndex: number) => void;
  /** Opens a copy of a tab's request as a new, unsaved request beside it. */
  duplicateTab: (id: string) => void;
  /** A saved request the sidebar should show and focus (the tab menu's "Reveal in sidebar"). */
  revealRequest: { requestId: string; sequence: number } | undefined;
  revealInSidebar: (requestId: string) => void;
  /** Changes the active tab's draft. */
  editDraft: (change: (draft: RequestDraft) => RequestDraft) => void;
  send: () => Promise<void>;
  cancel: () => Promise<void>;
  /** Shows a response part in the active tab. */
  selectResponsePart: (part: ResponsePart) => void;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export function newTab(draft: RequestDraft = emptyDraft(), sourceId?: string, name?: string): RequestTab {
  return {
    id: nextId('tab'),
    sourceId,
    name,
    draft,
    preview: false,
    baseline: draftFingerprint(draft),
    phase: 'idle',
    exchange: undefined,
    exchangeIsGraphql: false,
    previous: undefined,
    sendError: undefined,
    responsePart: 'body',
    blockedSends: 0,
    inFlightId: undefined,
    receivedBytes: 0,
  };
}

export const activeTab = (state: Pick<LanternState, 'tabs' | 'activeTabId'>): RequestTab =>
  state.tabs.find((t) => t.id === state.activeTabId) ?? (state.tabs[0] as RequestTab);

export const isUnsaved = (tab: RequestTab): boolean => draftFingerprint(tab.draft) !== tab.baseline;

/**
 * The workspace whose cookie jar a tab uses: a saved request's own; any other tab (new, sample,
 * reopened from history) the workspace open in the sidebar, as Insomnia and Bruno keep one jar
 * for everything in a workspace; undefined (the scratch jar) while no workspace is open.
 */
export const jarWorkspaceOf = (
  state: Pick<LanternState, 'workspaceView'>,
  tab: Pick<RequestTab, 'workspaceId'>,
): string | undefined => tab.workspaceId ?? state.workspaceView?.id;

/**
 * Where a tab's draft lives, for the main side: the workspace (its cookie jar) and the saved request
 * whose folders' auth, headers and variables apply. The main side computes the effective request
 * from this; the renderer never merges folder values into a draft itself.
 */
export function sendLocation(
  state: Pick<LanternState, 'workspaceView'>,
  tab: Pick<RequestTab, 'workspaceId' | 'sourceId' | 'replayOf'>,
): { workspaceId?: string; savedRequestId?: string; replay?: boolean } {
  const workspaceId = jarWorkspaceOf(state, tab);
  const savedRequestId = tab.sourceId?.startsWith('file:') ? tab.sourceId.slice('file:'.length) : undefined;
  return {
    ...(workspaceId ? { workspaceId } : {}),
    ...(savedRequestId ? { savedRequestId } : {}),
    ...(tab.replayOf && !savedRequestId ? { savedRequestId: tab.replayOf.savedRequestId } : {}),
    // A tab reopened from history sends what history recorded: the main side refuses masked values.
    ...(tab.sourceId?.startsWith('history:') ? { replay: true } : {}),
  };
}

export const createTabsSlice: StateCreator<LanternState, [], [], TabsSlice> = (set, get) => {
  const patchTab = (id: string, patch: Partial<RequestTab>) =>
    set((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));
  const tabByRequest = (requestId: string) => get().tabs.find((t) => t.inFlightId === requestId);
  on('sendProgress', ({ requestId, receivedBytes }) => {
    const tab = tabByRequest(requestId);
    if (tab) patchTab(tab.id, { receivedBytes });
  });
  /** What a tab holds outside the renderer: its send in flight, a large body kept on disk. */
  const releaseTab = (tab: RequestTab) => {
    if (tab.inFlightId) void call('cancel', { requestId: tab.inFlightId });
    for (const kept of [tab.exchange, tab.previous]) {
      const stored = kept?.response.body.stored;
      if (stored) void call('releaseBody', { bodyId: stored.id });
    }
  };
  const first = newTab();
  return {
    tabs: [first],
    activeTabId: first.id,
    openTab: ({ draft, sourceId, name, workspaceId, replayOf, exchange, sendError, preview } = {}) => {
      // Re-opening a request focuses its tab instead of duplicating it (and a pinned open pins it).
      const existing = sourceId ? get().tabs.find((t) => t.sourceId === sourceId) : undefined;
      if (existing) {
        if (!preview) patchTab(existing.id, { preview: false });
        return set({ activeTabId: existing.id });
      }
      const tab: RequestTab = {
        ...newTab(draft ? structuredClone(draft) : emptyDraft(), sourceId, name),
        ...(workspaceId ? { workspaceId } : {}),
        ...(replayOf ? { replayOf } : {}),
        preview: preview ?? false,
        exchange,
        exchangeIsGraphql: exchange !== undefined && draft?.body.mode === 'graphql',
        sendError,
        phase: exchange ? ('done' as const) : sendError ? ('failed' as const) : ('idle' as const),
      };
      const current = activeTab(get());
      // A pristine, never-sent blank tab is replaced rather than kept beside the new one.
      const blank = !current.sourceId && !isUnsaved(current) && !current.exchange && current.draft.url === '';
      const placed = placeOpenedTab(get().tabs, tab, blank ? current : undefined);
      if (placed.replaced) releaseTab(placed.replaced);
      set({ tabs: placed.tabs, activeTabId: tab.id });
    },
    closeTabs: (ids) => {
      const { tabs, activeTabId } = get();
      const closing = new Set(ids);
      tabs.filter((t) => closing.has(t.id)).forEach(releaseTab);
      const rest = tabs.filter((t) => !closing.has(t.id));
      if (rest.length === 0) {
        const blank = newTab();
        return set({ tabs: [blank], activeTabId: blank.id });
      }
      set({
        tabs: rest,
        activeTabId: nextActiveAfterClose(tabs, activeTabId, closing) ?? (rest[0] as RequestTab).id,
      });
    },
    pinTab: (id) => patchTab(id, { preview: false }),
    moveTab: (id, toIndex) => set((s) => ({ tabs: moveTo(s.tabs, id, toIndex) })),
    duplicateTab: (id) => {
      const source = get().tabs.find((t) => t.id === id);
      if (!source) return;
      // The copy is on no disk yet: against an empty baseline it shows as unsaved, so closing it asks.
      const copy = { ...newTab(structuredClone(source.draft)), baseline: draftFingerprint(emptyDraft()) };
      set((s) => {
        const at = s.tabs.findIndex((t) => t.id === id);
        return { tabs: [...s.tabs.slice(0, at + 1), copy, ...s.tabs.slice(at + 1)], activeTabId: copy.id };
      });
    },
    revealRequest: undefined,
    revealInSidebar: (requestId) =>
      set((s) => ({ revealRequest: { requestId, sequence: (s.revealRequest?.sequence ?? 0) + 1 } })),
    selectTab: (id) => set({ activeTabId: id }),
    editDraft: (change) => {
      const tab = activeTab(get());
      const draft = change(tab.draft);
      // Editing a preview tab keeps it: the next preview opens beside it.
      const pin = tab.preview && draftFingerprint(draft) !== draftFingerprint(tab.draft);
      patchTab(tab.id, { draft, ...(pin ? { preview: false } : {}) });
    },
    send: async () => {
      const tab = activeTab(get());
      if (tab.inFlightId) return;
      // An undefined {{variable}} anywhere stops the send here, said once beside the URL with its place.
      if ((activeUndefinedVariables(get())?.length ?? 0) > 0)
        return patchTab(tab.id, { blockedSends: tab.blockedSends + 1 });
      const requestId = nextId('r');
      patchTab(tab.id, {
        phase: 'sending',
        preview: false,
        inFlightId: requestId,
        sendError: undefined,
        receivedBytes: 0,
      });
      // The draft goes as the user edited it; its folders' values are applied on the main side.
      const result = await call('send', {
        requestId,
        draft: tab.draft,
        environmentId: get().environmentId,
        ...sendLocation(get(), tab),
        // A saved or sample request's name titles its history row (a history tab's name is a date).
        ...(tab.name && !tab.sourceId?.startsWith('history:') ? { name: tab.name } : {}),
      });
      // The send may have granted a token or set cookies, whatever became of its tab.
      get().invalidateTokens();
      get().invalidateCookies();
      // A capture saved into the environment changed it on the main side: the editor must not keep
      // (and later save back) the copy it had before.
      if (result.ok && result.value.captures?.some((c) => c.ok && c.scope === 'environment'))
        void get().refreshEnvironments();
      if (tabByRequest(requestId)?.id !== tab.id) return; // closed or superseded
      const sent = tabByRequest(requestId) ?? tab;
      if (result.ok)
        patchTab(tab.id, {
          phase: 'done',
          exchange: result.value,
          exchangeIsGraphql: tab.draft.body.mode === 'graphql',
          previous: undefined,
          inFlightId: undefined,
          // The GraphQL view is offered only for a GraphQL exchange: another one shows its body.
          ...(sent.responsePart === 'graphql' && tab.draft.body.mode !== 'graphql'
            ? { responsePart: 'body' as const }
            : {}),
        });
      else
        // The last response is no longer the answer to what was sent: it is kept, marked as previous.
        patchTab(tab.id, {
          phase: 'failed',
          sendError: result.error,
          exchange: undefined,
          previous: sent.exchange ?? sent.previous,
          inFlightId: undefined,
        });
      void get().refreshHistory();
    },
    selectResponsePart: (part) => patchTab(activeTab(get()).id, { responsePart: part }),
    cancel: async () => {
      const requestId = activeTab(get()).inFlightId;
      if (requestId) await call('cancel', { requestId });
    },
  };
};
