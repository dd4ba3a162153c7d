import type { StateCreator } from 'zustand';
import type { HeaderRow, RequestBody, RequestDraft } from '../../shared/model/request';
import type { LanternState } from './index';

export interface RequestSlice {
  draft: RequestDraft;
  setMethod: (method: string) => void;
  setUrl: (url: string) => void;
  setHeader: (index: number, row: Partial<HeaderRow>) => void;
  addHeader: () => void;
  removeHeader: (index: number) => void;
  setBody: (body: RequestBody) => void;
}

export const emptyDraft = (): RequestDraft => ({
  method: 'GET',
  url: '',
  headers: [{ name: '', value: '', enabled: true }],
  body: { mode: 'none' },
  auth: { type: 'none' },
});

export const createRequestSlice: StateCreator<LanternState, [], [], RequestSlice> = (set) => ({
  draft: emptyDraft(),
  setMethod: (method) => set((s) => ({ draft: { ...s.draft, method } })),
  setUrl: (url) => set((s) => ({ draft: { ...s.draft, url } })),
  setHeader: (index, row) =>
    set((s) => {
      const headers = [...s.draft.headers];
      // The table always shows a blank row past the end: typing there creates it.
      const current = headers[index] ?? { name: '', value: '', enabled: true };
      headers[index] = { ...current, ...row };
      // Typing into the last row opens a fresh empty one, as in Insomnia and Bruno.
      const last = headers[headers.length - 1];
      if (last && (last.name !== '' || last.value !== ''))
        headers.push({ name: '', value: '', enabled: true });
      return { draft: { ...s.draft, headers } };
    }),
  addHeader: () =>
    set((s) => ({
      draft: { ...s.draft, headers: [...s.draft.headers, { name: '', value: '', enabled: true }] },
    })),
  removeHeader: (index) =>
    set((s) => {
      const headers = s.draft.headers.filter((_, i) => i !== index);
      return { draft: { ...s.draft, headers: headers.length ? headers : emptyDraft().headers } };
    }),
  setBody: (body) => set((s) => ({ draft: { ...s.draft, body } })),
});
