// Turns the errors electron-builder throws into a plain explanation. Most packaging failures on a
// machine like ours are downloads: electron-builder fetches Electron's headers (to compile the SQLite
// addon), its own helper tools (the AppImage runtime, fpm for deb, NSIS, code-signing tools) and, when no
// local Electron is given, Electron itself, all from the internet, and caches them for next time.

const NETWORK_ERROR =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network connectivity|net::ERR_|HttpError|Response code \d{3}|status code \d{3}|unable to download|failed to download)/i;

/** What was being downloaded, judged from the addresses and names in the error, and where it is kept. */
function downloadSubject(text) {
  if (/electronjs\.org\/headers|node-gyp|electron-gyp|@electron\/rebuild|rebuild/i.test(text)) {
    return {
      what: "Electron's C headers, to compile the encrypted SQLite engine for Electron",
      cache: '~/.electron-gyp',
      mirror: null,
    };
  }
  if (/electron-builder-binaries|appimage|fpm|nsis|winCodeSign|wine|icons-bundle|toolset/i.test(text)) {
    return {
      what: 'one of its helper tools (AppImage runtime, fpm, NSIS or signing tools)',
      cache: '~/.cache/electron-builder',
      mirror: 'ELECTRON_BUILDER_BINARIES_MIRROR',
    };
  }
  if (/electron\/electron\/releases|electron-v\d[^ ]*\.zip|@electron\/get/i.test(text)) {
    return { what: 'the Electron runtime', cache: '~/.cache/electron', mirror: 'ELECTRON_MIRROR' };
  }
  return { what: 'a file', cache: null, mirror: null };
}

function firstLine(text) {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

/**
 * A plain, multi-line explanation of a packaging failure, without stack traces. `relayed` is the error
 * output electron-builder passed on from its helpers (node-gyp explains a failed download only there).
 */
export function explainPackagingFailure(error, relayed = '') {
  const message = error instanceof Error ? error.message : String(error);
  const everything = `${message}\n${error instanceof Error ? (error.stack ?? '') : ''}\n${relayed}`;

  if (NETWORK_ERROR.test(everything)) {
    const { what, cache, mirror } = downloadSubject(everything);
    return [
      `Packaging stopped: a download failed. electron-builder needed ${what}.`,
      `(${firstLine(message)})`,
      '',
      'This machine could not reach the download host. Run `npm run package` where it can be reached' +
        (cache ? `; the download is kept in ${cache}, so later runs there need no network.` : '.'),
      ...(mirror ? [`${mirror}=<url> points the download at a mirror instead.`] : []),
    ].join('\n');
  }
  if (/rebuild|node-gyp|gyp ERR|better-sqlite3/i.test(everything)) {
    return [
      'Packaging stopped: the encrypted SQLite engine could not be compiled for Electron.',
      `(${firstLine(message)})`,
      '',
      "It needs python3, make and a C++ compiler, and Electron's C headers (downloaded once from electronjs.org).",
    ].join('\n');
  }
  return [
    'Packaging stopped: electron-builder reported an error.',
    `(${firstLine(message)})`,
    '',
    'Run again with DEBUG=electron-builder for the full details.',
  ].join('\n');
}
