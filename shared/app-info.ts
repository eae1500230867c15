/** Shown in the header file and backups; kept in step with package.json by a unit test. */
export const APP_NAME = 'Alliance Notes';
export const APP_VERSION = '0.1.0';
