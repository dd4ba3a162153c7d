import type { RequestDraft } from '../model/request';
import { looksSecret } from '../redact/secret-names';
import { isTemplateOnly, type ImportContext } from './import-context';

export type DisabledParam = NonNullable<RequestDraft['disabledParams']>[number];

/**
 * A switched-off query parameter is still written to the workspace file, so one whose name says
 * it holds a secret (`sesskey`, `api_key`, `token`…) keeps its name and place, never its value.
 * `{{variable}}` values name where a secret lives and are kept. Each blanked one is reported.
 */
export function withoutSecretValues(
  params: readonly DisabledParam[],
  ctx: ImportContext,
  where: string,
): DisabledParam[] {
  return params.map((param) => {
    if (!looksSecret(param.name) || param.value.trim() === '' || isTemplateOnly(param.value)) return param;
    ctx.skip(
      `The switched-off query parameter "${param.name}" of ${where} held a secret, so it was kept without its` +
        ' value: enter the value again if you switch it on.',
    );
    return { ...param, value: '' };
  });
}
