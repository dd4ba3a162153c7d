import type { CoreCalls } from '../../../shared/calls/core-calls';
import type { Handlers } from '../../../shared/contract';
import { saveWithDialog } from '../files/save-files';
import type { ServiceContext } from '../service-context';

export interface CoreParts {
  version: string;
}

/** The handlers of shared/calls/core-calls.ts: sending, files and the sample sandbox. */
export function coreHandlers(context: ServiceContext, parts: CoreParts): Pick<Handlers, keyof CoreCalls> {
  const { files } = context;
  return {
    appInfo: async () => ({ version: parts.version, mode: context.mode, platform: process.platform }),
    send: (input) => context.send(input),
    cancel: (input) => context.engine.cancel(input),
    pickFile: async ({ title, extensions }) => {
      const file = await files.choose(title, extensions);
      return file ? { file } : {};
    },
    uploadFile: (input) => files.uploadChunk(input),
    inspectFile: ({ ref }) => files.describe(ref),
    saveTextFile: async ({ suggestedName, text, companions = [] }) => {
      if (!files.hasDialogs) {
        const all = [{ name: suggestedName, text }, ...companions];
        return { saved: false, downloads: all.map((f) => ({ ...f, mimeType: mimeTypeOf(f.name) })) };
      }
      const { saved, name, bytes } = await saveWithDialog(files, {
        title: 'Save',
        suggestedName,
        content: { text },
        companions,
      });
      return { saved, name, bytes };
    },
    startSandbox: () => context.sample.start(),
  };
}

/** The type a download is offered as, from its name. */
export function mimeTypeOf(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    json: 'application/json',
    har: 'application/json',
    md: 'text/markdown',
    xml: 'application/xml',
    html: 'text/html',
    csv: 'text/csv',
  };
  return (extension && types[extension]) ?? 'text/plain';
}
