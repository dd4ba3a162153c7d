export function findChromium(): string | undefined;
export const HTTPBIN_PYTHON: string;
export function hasHttpbin(): boolean;
export function hasOpenssl(): boolean;
export const CHROMIUM_ARGS: string[];
