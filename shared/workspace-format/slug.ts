// Windows refuses these as file names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A file-name-safe form of a display name: "Get users (v2)" → "get-users-v2". */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (slug === '') return fallback;
  return RESERVED.test(slug) ? `${slug}-1` : slug;
}

/**
 * The first of `base+suffix`, `base-2+suffix`, … not in `taken`. Compared case-insensitively,
 * because macOS and Windows file systems treat "A" and "a" as the same name.
 */
export function uniqueName(base: string, suffix: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const candidate = `${n === 1 ? base : `${base}-${n}`}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
