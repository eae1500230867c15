const megabytes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const smallMegabytes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumSignificantDigits: 2 });

/** "12.4 MB"; small vaults keep two significant digits so a fresh one does not read "0 MB". */
export function formatSize(bytes: number): string {
  const value = bytes / 1_000_000;
  return value >= 1 ? megabytes.format(value) : smallMegabytes.format(value);
}

/** The last part of a path, whichever separator the operating system uses. */
export const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export const SUBMIT_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘Enter' : 'Ctrl+Enter';

/** Ctrl/Cmd+Enter anywhere in a dialog does what its main button does. */
export function onSubmitShortcut(submit: () => void): (event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; preventDefault: () => void }) => void {
  return (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      submit();
    }
  };
}

/** Typed, not clicked: replacing every record is the one step here the app cannot take back. */
export const RESTORE_WORD = 'RESTORE';
