import { toHar } from './har';
import { leaksSecret, maskKnownSecrets } from './mask';
import { toMarkdown } from './markdown';
import { prepareSupportView } from './prepare';
import type { SupportBundle, SupportBundleInput, SupportFormat } from './types';

/**
 * The "Copy for support" bundle. Every part is masked as it is laid out, then the finished text
 * goes through one more pass with every known secret, in every encoding: what is previewed is what
 * is shared, and no secret the main side knows survives either pass.
 */
export function buildSupportBundle(input: SupportBundleInput, format: SupportFormat): SupportBundle {
  const view = prepareSupportView(input);
  const laidOut = format === 'har' ? toHar(view) : toMarkdown(view);
  const text = maskKnownSecrets(laidOut, input.secrets);
  if (leaksSecret(text, input.secrets)) {
    // Unreachable unless masking itself is broken: then nothing is better than a leak.
    throw new Error('The support bundle still contained a secret after masking; it was not made.');
  }
  const stamp = view.generatedAt.replace(/[:.]/g, '-');
  return format === 'har'
    ? { format, text, fileName: `lantern-support-${stamp}.har`, mimeType: 'application/json' }
    : { format, text, fileName: `lantern-support-${stamp}.md`, mimeType: 'text/markdown' };
}
