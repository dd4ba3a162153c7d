import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { matchEntries, quickOpenEntries, type QuickOpenSources } from './quick-open-entries';

const draft = (method: string, url: string) => ({ method, url }) as RequestDraft;
const root: Folder = {
  id: 'root',
  name: 'Totara',
  folders: [
    {
      id: 'users',
      name: 'Users',
      folders: [],
      requests: [
        { id: 'r-create', name: 'Create user', draft: draft('POST', '{{base}}/users'), inheritAuth: true },
        { id: 'r-list', name: 'List users', draft: draft('GET', '{{base}}/users'), inheritAuth: true },
      ],
    },
  ],
  requests: [{ id: 'r-status', name: 'Status', draft: draft('GET', '{{base}}/status'), inheritAuth: true }],
};

const sources: QuickOpenSources = {
  tabs: [
    { id: 't1', title: 'GET /anything', method: 'GET', active: true },
    { id: 't2', title: 'List users', method: 'GET', active: false },
  ],
  workspace: { name: 'Totara', root },
  sampleRequests: [],
  history: [
    {
      id: 'h1',
      at: '2026-12-07T09:00:00.000Z',
      method: 'GET',
      url: 'https://httpbin.test/status/418',
      status: 418,
      statusText: "I'm a teapot",
      totalMs: 12,
      bodyBytes: 0,
    },
  ],
  environments: [
    { id: 'env-sandbox', name: 'Sandbox' },
    { id: 'env-prod', name: 'Production' },
  ],
  environmentId: 'env-sandbox',
  knownWorkspaces: [
    { path: '/w/totara', name: 'Totara' },
    { path: '/w/ihasco', name: 'iHASCO' },
  ],
  openWorkspacePath: '/w/totara',
  theme: 'system',
  split: 'auto',
  sidebarCollapsed: false,
};

const labels = (query: string) =>
  matchEntries(quickOpenEntries(sources), query).map((e) => `${e.group}: ${e.label}`);

describe('quick open entries', () => {
  it('lists saved requests with their folder path, and every group in order', () => {
    const entries = quickOpenEntries(sources);
    expect(entries.find((e) => e.id === 'request:r-list')).toMatchObject({
      label: 'List users',
      detail: 'Totara › Users › {{base}}/users',
      method: 'GET',
      action: { kind: 'request', requestId: 'r-list' },
    });
    const groups = [...new Set(matchEntries(entries, '').map((e) => e.group))];
    expect(groups).toEqual(['Open tabs', 'Requests', 'Recent history', 'Commands']);
  });

  it('finds a saved request and an open tab by part of the name', () => {
    expect(labels('list us')).toEqual(['Open tabs: List users', 'Requests: List users']);
    expect(labels('creat')).toContain('Requests: Create user');
  });

  it('offers only the choices that change something: not the current environment, theme, layout or workspace', () => {
    const commands = labels('>');
    expect(commands).toContain('Commands: Switch environment: Production');
    expect(commands).toContain('Commands: Switch environment: No environment (globals only)');
    expect(commands).not.toContain('Commands: Switch environment: Sandbox');
    expect(commands).toContain('Commands: Switch theme: Dark');
    expect(commands).not.toContain('Commands: Switch theme: System');
    expect(commands).toContain('Commands: Open workspace: iHASCO');
    expect(commands).not.toContain('Commands: Open workspace: Totara');
    expect(commands).toContain('Commands: Import into the workspace…');
  });

  it('offers to run the open workspace, and no run without one', () => {
    expect(labels('>run')).toEqual(['Commands: Run the workspace…']);
    const without = quickOpenEntries({ ...sources, workspace: undefined });
    expect(without.some((e) => e.action.kind === 'run-workspace')).toBe(false);
  });

  it('searches only the commands after ">"', () => {
    expect(labels('>dark')).toEqual(['Commands: Switch theme: Dark']);
  });

  it('finds history by URL and status, and offers no import without a workspace', () => {
    expect(labels('418')[0]).toBe('Recent history: https://httpbin.test/status/418');
    const without = quickOpenEntries({ ...sources, workspace: undefined });
    expect(without.some((e) => e.action.kind === 'import')).toBe(false);
    expect(without.some((e) => e.group === 'Requests')).toBe(false);
  });
});
