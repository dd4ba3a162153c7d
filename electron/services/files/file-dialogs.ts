/** The native dialogs of the desktop app, shown by the main process; browser mode has none. */
export interface FileDialogs {
  /** An open dialog for one file; undefined when the user cancels. */
  openFile: (options: { title: string; extensions?: string[] }) => Promise<string | undefined>;
  /** A save dialog proposing `defaultName`; undefined when the user cancels. */
  saveFile: (options: { title: string; defaultName: string }) => Promise<string | undefined>;
  /** A folder dialog (it may create the folder); undefined when the user cancels. */
  openFolder: (options: { title: string }) => Promise<string | undefined>;
}
