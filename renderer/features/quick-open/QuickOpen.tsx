import { Command } from 'cmdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { draftTitle } from '../../store/drafts';
import { GLOBAL_ENVIRONMENT_ID } from '../../store/environments-slice';
import { ExportDialog } from '../export/ExportDialog';
import { ImportDialog } from '../import/ImportDialog';
import { GROUPS, matchEntries, quickOpenEntries, type QuickOpenEntry } from './quick-open-entries';
import { runAction, type FollowUp } from './run-action';
import './quick-open.css';

/** Ctrl/Cmd+P: saved requests, open tabs, recent history and commands, searched fuzzily. */
export function QuickOpen() {
  const open = useLantern((s) => s.quickOpen);
  const [followUp, setFollowUp] = useState<FollowUp>();
  return (
    <>
      {open && (
        <QuickOpenDialog
          initialQuery={open.query}
          onChosen={(next) => {
            setFollowUp(next);
            useLantern.getState().showQuickOpen(undefined);
          }}
        />
      )}
      {followUp === 'import' && <ImportDialog onClose={() => setFollowUp(undefined)} />}
      {followUp === 'export' && <ExportDialog onClose={() => setFollowUp(undefined)} />}
    </>
  );
}

function useSources() {
  return useLantern(
    useShallow((s) => ({
      tabs: s.tabs,
      activeTabId: s.activeTabId,
      view: s.workspaceView,
      sample: s.sample,
      history: s.history,
      environments: s.environments,
      environmentId: s.environmentId,
      knownWorkspaces: s.knownWorkspaces,
      preferences: s.preferences,
    })),
  );
}

function QuickOpenDialog({
  initialQuery,
  onChosen,
}: {
  initialQuery: string;
  onChosen: (next: FollowUp) => void;
}) {
  const [query, setQuery] = useState(initialQuery);
  const input = useRef<HTMLInputElement>(null);
  const s = useSources();
  useEffect(() => {
    // After the Modal's own effect has opened the dialog (a parent's effects run after its children's).
    input.current?.focus();
    void useLantern.getState().refreshHistory();
  }, []);
  const entries = useMemo(
    () =>
      quickOpenEntries({
        tabs: s.tabs.map((tab) => ({
          id: tab.id,
          title: tab.name ?? draftTitle(tab.draft),
          method: tab.draft.method,
          active: tab.id === s.activeTabId,
        })),
        workspace: s.view ? { name: s.view.name, root: s.view.root } : undefined,
        sampleRequests: (s.sample?.requests ?? []).map((request) => ({
          id: request.id,
          name: request.name,
          method: request.draft.method,
          url: request.draft.url,
        })),
        history: s.history,
        environments: s.environments
          .filter((environment) => environment.id !== GLOBAL_ENVIRONMENT_ID)
          .map(({ id, name }) => ({ id, name })),
        environmentId: s.environmentId,
        knownWorkspaces: s.knownWorkspaces,
        openWorkspacePath: s.view?.path,
        theme: s.preferences.theme,
        split: s.preferences.split,
        sidebarCollapsed: s.preferences.sidebarCollapsed,
      }),
    [s],
  );
  const shown = useMemo(() => matchEntries(entries, query), [entries, query]);
  const choose = (entry: QuickOpenEntry) => onChosen(runAction(entry.action));
  return (
    <Modal
      title="Quick open"
      testId="quick-open"
      className="quick-open-dialog"
      onClose={() => useLantern.getState().showQuickOpen(undefined)}
      footer={
        <>
          <span className="hint quick-open-keys">
            ↑↓ to move · Enter to open · start with &gt; for commands only
          </span>
          <ModalClose>Close</ModalClose>
        </>
      }
    >
      <Command label="Quick open" shouldFilter={false} loop className="quick-open">
        <Command.Input
          ref={input}
          value={query}
          onValueChange={setQuery}
          placeholder="Search requests, tabs and history by name or URL; > for commands"
          data-testid="quick-open-input"
          aria-label="Search requests, tabs, history and commands"
        />
        <Command.List className="quick-open-list" data-testid="quick-open-list">
          <Command.Empty className="empty-note">Nothing matches “{query}”.</Command.Empty>
          {GROUPS.map((group) => {
            const inGroup = shown.filter((entry) => entry.group === group);
            if (inGroup.length === 0) return null;
            return (
              <Command.Group key={group} heading={group}>
                {inGroup.map((entry) => (
                  <Command.Item
                    key={entry.id}
                    value={entry.id}
                    onSelect={() => choose(entry)}
                    className="quick-open-item"
                    data-testid="quick-open-item"
                  >
                    {entry.method && (
                      <span className={`method method-${entry.method.toLowerCase()}`}>{entry.method}</span>
                    )}
                    <span className="quick-open-label">{entry.label}</span>
                    {entry.detail && <span className="quick-open-detail">{entry.detail}</span>}
                  </Command.Item>
                ))}
              </Command.Group>
            );
          })}
        </Command.List>
      </Command>
    </Modal>
  );
}
