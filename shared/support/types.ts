import type { Finding } from '../diagnose/types';
import type { Exchange } from '../model/response';

export type SupportFormat = 'markdown' | 'har';

/** The request body as the bundle shows it: text, or form fields, or a note saying why it is left out. */
export type SupportRequestBody = {
  mimeType: string;
  text?: string;
  params?: { name: string; value: string }[];
  note?: string;
};

export type SupportBundleInput = {
  lanternVersion: string;
  /** Epoch ms. */
  generatedAt: number;
  /** The request as sent: the exchange's when there is one, else the draft's. */
  request: {
    method: string;
    url: string;
    headers: [string, string][];
    body?: SupportRequestBody;
  };
  exchange?: Exchange;
  /** Why the send failed, when it did. */
  error?: { code: string; message: string };
  findings: Finding[];
  /** Who is asking: support wants the account or client id, never the secret or the token. */
  client?: { label?: string; clientId?: string; kind?: string };
  /** Every secret value the main side knows: masked wherever one appears, in any usual encoding. */
  secrets: readonly string[];
  /** Characters of the response body kept (default 16,000). */
  bodyLimit?: number;
};

export type SupportBundle = {
  format: SupportFormat;
  text: string;
  fileName: string;
  mimeType: string;
};

export const DEFAULT_BODY_LIMIT = 16_000;
