import path from 'node:path';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../../shared/calls/prefs-calls';
import { KeptJsonFile } from '../vault/kept-json-file';

/**
 * The UI preferences in `preferences.json` in the data folder. Browser mode serves the renderer
 * from a new loopback port each start, so the browser's localStorage would not outlive a restart.
 */
export class PreferencesStore {
  private readonly file: KeptJsonFile<Preferences>;
  private loaded: Promise<Preferences> | undefined;
  // Saves run one after another: a late write never lands over a newer one.
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = new KeptJsonFile(path.join(dataDir, 'preferences.json'), preferencesSchema, 'UI preferences');
  }

  async load(): Promise<{ preferences: Preferences; problem?: string }> {
    this.loaded ??= this.file.read().then((value) => value ?? DEFAULT_PREFERENCES);
    const preferences = await this.loaded;
    return this.file.problem ? { preferences, problem: this.file.problem } : { preferences };
  }

  async save(preferences: Preferences): Promise<void> {
    await this.load();
    this.loaded = Promise.resolve(preferences);
    const write = this.writing.then(() => this.file.write(preferences));
    this.writing = write.catch(() => undefined);
    await write;
  }
}
