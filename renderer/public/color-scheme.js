// Runs before the page paints (a classic script in <head>; the CSP forbids inline scripts), so a dark
// desktop never sees a white flash while the app loads. Mantine takes over once React starts; the
// storage key and the rule are the same as renderer/src/appearance/color-scheme.ts.
(function () {
  var scheme = 'light';
  try {
    var stored = window.localStorage.getItem('alliance-notes-color-scheme');
    scheme = stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    // No storage (or no matchMedia): stay light, as Mantine will decide the same.
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
