import type { SavedRequest } from './types';

/** A saved request with every optional part filled in, for round trips. */
export function sampleRequest(overrides: Partial<SavedRequest> = {}): SavedRequest {
  return {
    id: 'req_users',
    name: 'List users',
    description: 'Lists the users.\nPaged, 50 at a time.\n',
    draft: {
      method: 'GET',
      url: 'https://api.example.com/users?page={{page}}',
      headers: [
        { name: 'Accept', value: 'application/json', enabled: true },
        { name: 'X-Debug', value: '1', enabled: false },
      ],
      body: { mode: 'none' },
      auth: { type: 'bearer', credentialId: 'cred_api' },
    },
    inheritAuth: false,
    ...overrides,
  };
}
