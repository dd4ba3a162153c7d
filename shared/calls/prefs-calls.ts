/** The window's UI preferences (theme, sidebar, pane sizes): kept in the data folder, never a secret. */
import { z } from 'zod';

export const themeChoiceSchema = z.enum(['system', 'light', 'dark']);
export type ThemeChoice = z.infer<typeof themeChoiceSchema>;

/** How the request and response panes share the workbench; `auto` stacks them in a narrow window. */
export const splitChoiceSchema = z.enum(['auto', 'horizontal', 'vertical']);
export type SplitChoice = z.infer<typeof splitChoiceSchema>;

/** One resizable group's layout: each pane's share of it, in percent, by pane id. */
export const paneLayoutSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  z.number().min(0).max(100),
);
export type PaneLayout = z.infer<typeof paneLayoutSchema>;

export const preferencesSchema = z
  .object({
    theme: themeChoiceSchema.default('system'),
    sidebarCollapsed: z.boolean().default(false),
    split: splitChoiceSchema.default('auto'),
    /** By group id (`workbench`, `request-response-horizontal`…). */
    paneLayouts: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,59}$/), paneLayoutSchema)
      .refine((layouts) => Object.keys(layouts).length <= 32, 'at most 32 pane layouts')
      .default({}),
  })
  .strict();
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = preferencesSchema.parse({});

export const prefsCalls = {
  /** The saved preferences (the defaults when there are none); `problem` says why a kept file is not used. */
  loadPreferences: {
    input: z.object({}).strict(),
    output: z.object({ preferences: preferencesSchema, problem: z.string().optional() }),
  },
  /** Replaces the saved preferences (written atomically). */
  savePreferences: {
    input: z.object({ preferences: preferencesSchema }).strict(),
    output: z.object({}).strict(),
  },
} as const;
export type PrefsCalls = typeof prefsCalls;
