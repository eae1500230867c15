/**
 * The OS dialogs services may ask for. The Electron shell answers with real dialogs; the test host
 * answers from a folder or from per-call answers. null means the user cancelled.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  chooseSavePath(options: { title: string; suggestedName: string; filters?: FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { title: string }): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters?: FileFilter[] }): Promise<string | null>;
  /** Opens the system file manager with `file` selected. */
  showInFolder(file: string): Promise<void>;
}
