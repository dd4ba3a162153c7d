import type { SplitChoice, ThemeChoice } from '../../../shared/calls/prefs-calls';
import type { Folder } from '../../../shared/model/collection';
import type { HistorySummary } from '../../../shared/model/history';
import { THEME_LABELS } from '../../layout/preference-labels';
import { rankByQuery } from './fuzzy';

/** What choosing an entry does; renderer/features/quick-open/run-action.ts carries it out. */
export type QuickAction =
  | { kind: 'tab'; tabId: string }
  | { kind: 'request'; requestId: string }
  | { kind: 'sample-request'; requestId: string }
  | { kind: 'history'; entryId: string }
  | { kind: 'new-request' }
  | { kind: 'environment'; environmentId: string | undefined }
  | { kind: 'theme'; theme: ThemeChoice }
  | { kind: 'split'; split: SplitChoice }
  | { kind: 'toggle-sidebar' }
  | { kind: 'open-workspace'; path: string }
  | { kind: 'import' }
  | { kind: 'export' }
  | { kind: 'run-workspace' };

export const GROUPS = ['Open tabs', 'Requests', 'Recent history', 'Commands'] as const;
export type QuickOpenGroup = (typeof GROUPS)[number];

export interface QuickOpenEntry {
  /** Unique among the entries; also the list item's value. */
  id: string;
  group: QuickOpenGroup;
  label: string;
  /** Shown after the label, dimmer, and searched too (a URL, a folder, a time). */
  detail?: string;
  method?: string;
  action: QuickAction;
}

/** What quick open lists, read from the store when it opens. */
export interface QuickOpenSources {
  tabs: { id: string; title: string; method: string; active: boolean }[];
  workspace?: { name: string; root: Folder };
  sampleRequests: { id: string; name: string; method: string; url: string }[];
  history: HistorySummary[];
  environments: { id: string; name: string }[];
  environmentId: string | undefined;
  knownWorkspaces: { path: string; name: string }[];
  openWorkspacePath: string | undefined;
  theme: ThemeChoice;
  split: SplitChoice;
  sidebarCollapsed: boolean;
}

const SPLITS: Record<SplitChoice, string> = {
  auto: 'Automatic (stacked in a narrow window)',
  horizontal: 'Request and response side by side',
  vertical: 'Request and response stacked',
};

function savedRequests(folder: Folder, path: string[], into: QuickOpenEntry[]): QuickOpenEntry[] {
  for (const request of folder.requests) {
    into.push({
      id: `request:${request.id}`,
      group: 'Requests',
      label: request.name,
      detail: [...path, request.draft.url].filter(Boolean).join(' › '),
      method: request.draft.method,
      action: { kind: 'request', requestId: request.id },
    });
  }
  for (const child of folder.folders) savedRequests(child, [...path, child.name], into);
  return into;
}

function commands(s: QuickOpenSources): QuickOpenEntry[] {
  const list: QuickOpenEntry[] = [
    { id: 'cmd:new-request', group: 'Commands', label: 'New request', action: { kind: 'new-request' } },
    {
      id: 'cmd:toggle-sidebar',
      group: 'Commands',
      label: s.sidebarCollapsed ? 'Show sidebar' : 'Hide sidebar',
      action: { kind: 'toggle-sidebar' },
    },
    {
      id: 'cmd:export',
      group: 'Commands',
      label: 'Export the current request…',
      detail: 'cURL, fetch, Python, HTTPie, Postman',
      action: { kind: 'export' },
    },
  ];
  if (s.workspace)
    list.push({
      id: 'cmd:import',
      group: 'Commands',
      label: 'Import into the workspace…',
      detail: 'cURL, Postman, Insomnia, HAR',
      action: { kind: 'import' },
    });
  if (s.workspace)
    list.push({
      id: 'cmd:run-workspace',
      group: 'Commands',
      label: 'Run the workspace…',
      detail: `${s.workspace.name}: every request in order, with the runner`,
      action: { kind: 'run-workspace' },
    });
  const environments = [{ id: undefined, name: 'No environment (globals only)' }, ...s.environments];
  for (const environment of environments)
    if (environment.id !== s.environmentId)
      list.push({
        id: `cmd:environment:${environment.id ?? ''}`,
        group: 'Commands',
        label: `Switch environment: ${environment.name}`,
        action: { kind: 'environment', environmentId: environment.id },
      });
  for (const theme of Object.keys(THEME_LABELS) as ThemeChoice[])
    if (theme !== s.theme)
      list.push({
        id: `cmd:theme:${theme}`,
        group: 'Commands',
        label: `Switch theme: ${THEME_LABELS[theme]}`,
        action: { kind: 'theme', theme },
      });
  for (const split of Object.keys(SPLITS) as SplitChoice[])
    if (split !== s.split)
      list.push({
        id: `cmd:split:${split}`,
        group: 'Commands',
        label: `Layout: ${SPLITS[split]}`,
        action: { kind: 'split', split },
      });
  for (const workspace of s.knownWorkspaces)
    if (workspace.path !== s.openWorkspacePath)
      list.push({
        id: `cmd:workspace:${workspace.path}`,
        group: 'Commands',
        label: `Open workspace: ${workspace.name}`,
        detail: workspace.path,
        action: { kind: 'open-workspace', path: workspace.path },
      });
  return list;
}

/** Every entry quick open can offer, by group. */
export function quickOpenEntries(s: QuickOpenSources): QuickOpenEntry[] {
  const tabs: QuickOpenEntry[] = s.tabs.map((tab) => ({
    id: `tab:${tab.id}`,
    group: 'Open tabs',
    label: tab.title,
    detail: tab.active ? 'current tab' : undefined,
    method: tab.method,
    action: { kind: 'tab', tabId: tab.id },
  }));
  const requests = s.workspace ? savedRequests(s.workspace.root, [s.workspace.name], []) : [];
  const samples: QuickOpenEntry[] = s.sampleRequests.map((request) => ({
    id: `sample:${request.id}`,
    group: 'Requests',
    label: request.name,
    detail: `Sample API › ${request.url}`,
    method: request.method,
    action: { kind: 'sample-request', requestId: request.id },
  }));
  const history: QuickOpenEntry[] = s.history.map((entry) => ({
    id: `history:${entry.id}`,
    group: 'Recent history',
    label: entry.url,
    detail: `${entry.status ?? 'no response'} · ${new Date(entry.at).toLocaleString()}`,
    method: entry.method,
    action: { kind: 'history', entryId: entry.id },
  }));
  return [...tabs, ...requests, ...samples, ...history, ...commands(s)];
}

/** How many of each group are shown: a workspace of thousands of requests stays quick to search. */
const LIMITS: Record<QuickOpenGroup, { empty: number; searched: number }> = {
  'Open tabs': { empty: 50, searched: 20 },
  Requests: { empty: 20, searched: 40 },
  'Recent history': { empty: 8, searched: 15 },
  Commands: { empty: 100, searched: 30 },
};

/**
 * The entries that match the query, by group in GROUPS order, best first in each. A query that
 * starts with ">" searches the commands only, as in VS Code.
 */
export function matchEntries(entries: readonly QuickOpenEntry[], rawQuery: string): QuickOpenEntry[] {
  const commandsOnly = rawQuery.trimStart().startsWith('>');
  const query = (commandsOnly ? rawQuery.trimStart().slice(1) : rawQuery).trim();
  const groups = commandsOnly ? (['Commands'] as const) : GROUPS;
  return groups.flatMap((group) => {
    const limit = query === '' ? LIMITS[group].empty : LIMITS[group].searched;
    return rankByQuery(
      entries.filter((entry) => entry.group === group),
      query,
      (entry) => ({ label: entry.label, detail: [entry.method, entry.detail].filter(Boolean).join(' ') }),
      limit,
    );
  });
}
