import { localStorageColorSchemeManager } from '@mantine/core';

/**
 * Light, dark, or following the operating system (the default). The choice is kept in the page's
 * localStorage rather than the vault, because the unlock screen is shown before any vault is open and
 * should already be dark at night. It is a display preference, not clinical data. The key must match
 * renderer/public/color-scheme.js, which applies the choice before the first paint.
 */
export const COLOR_SCHEME_STORAGE_KEY = 'alliance-notes-color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });
