import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/**
 * The import arrows of docs/architecture.md ("Boundaries"), as `no-restricted-imports` config objects
 * for eslint.config.js. Folders are matched by the relative import specifier: a file N folders below
 * renderer/src or electron/services reaches a sibling folder X as `../` (N times) `X/…`, so each rule
 * is generated per folder and per depth and a subfolder that shares a name with a top folder (say
 * settings/measures/) is never mistaken for it.
 *
 * Only static imports are checked (ESLint does not look at `import()`): a dynamic import is how the
 * lazy entry points name code above them without tying the module graph in a circle.
 *
 * The rule's options do not merge between config objects (the last match wins), so every object here
 * repeats the restrictions of its area (electron, Node built-ins) alongside its own.
 */

export const onlyShellImportsElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron',
};

/** Electron's own subpath entries ('electron/main', 'electron/common', …) are electron too. */
export const electronSubpaths = { group: ['electron/*'], message: onlyShellImportsElectron.message };

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** The renderer runs sandboxed in a browser page and reaches the app through window.api only. */
export const rendererBase = {
  paths: [onlyShellImportsElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.js; go through window.api.' }))],
  patterns: [
    { group: ['**/electron/**'], message: 'The renderer may not import from electron/; use window.api.' },
    { group: ['node:*'], message: 'The renderer has no Node.js; go through window.api.' },
  ],
};

// ---------------------------------------------------------------------------------------------------
// renderer/src

const RENDERER = 'renderer/src';

/** Folders any feature may import. They import no feature folder and none of the top modules. */
const RENDERER_FOUNDATION = ['lib', 'components', 'hooks', 'navigation', 'rich-text', 'vault', 'appearance', 'fonts'];

/**
 * Feature folders, each with the lower features it may import. Everything else shared goes to lib/
 * (formatters, query keys, small registries) or components/. A new folder must be added here or to
 * RENDERER_FOUNDATION, and this map must stay free of circles: both are checked when lint starts.
 */
const FEATURE_IMPORTS = {
  backups: [],
  measures: ['medications'],
  medications: [],
  engagement: [],
  caseload: [],
  summary: [],
  search: [],
  screens: [],
  notes: ['measures', 'medications'],
  clients: ['notes', 'measures', 'medications', 'engagement', 'summary', 'backups'],
  dashboard: ['clients', 'notes', 'measures', 'medications', 'engagement', 'caseload', 'backups'],
  settings: ['clients', 'measures', 'medications', 'engagement', 'backups'],
  shell: ['clients', 'dashboard', 'caseload', 'search', 'settings', 'backups'],
};

/**
 * Modules beside App.tsx that put the app together: nothing in a folder imports them, except that the
 * screens and the shell may start loading the next screen through lazy-screens.ts.
 */
const TOP_MODULES = ['App', 'main', 'lazy-screens'];
const LAZY_SCREEN_USERS = ['screens', 'shell'];

/** Foundation modules that sit directly in renderer/src. */
const RENDERER_ROOT_FOUNDATION = ['api.ts', 'messages.ts', 'passphrase.ts', 'theme.ts'];

// ---------------------------------------------------------------------------------------------------
// electron/services

const SERVICES = 'electron/services';

/**
 * Domain folders, each with the modules other folders may import besides its `*.service` and
 * `*.repository` files. Everything else in a domain folder is private to it.
 */
const SERVICE_PUBLIC_MODULES = {
  activity: ['activity-log', 'record-verification'], // every service writes the log; backups verify it
  backup: ['archive-file', 'staging-folders'], // the export writes archives; the vault clears staging
  clients: ['client-store', 'service-context', 'search-index', 'client-code', 'client-row'], // reading a client; the log and clock every service takes; contacts are indexed with the client; an import creates clients as the form does
  caseload: [],
  engagement: ['engagement-events'], // alerts, notes and measures keep the engagement flag in step
  export: [],
  measures: ['client-alerts'], // signing a note and a migration recompute a client's alerts
  medications: ['medication-list', 'note-medication-changes'], // export, summary, alerts read the list; signing applies a note's changes
  notes: ['addenda', 'note-hash', 'note-store', 'verify-signed-records'], // what records and checks read
  summary: [],
  vault: ['require-unlocked'], // handlers that open a dialog refuse while the vault is locked
};

/** Plumbing any service may use; it imports no domain folder. */
const SERVICE_INFRASTRUCTURE = ['database', 'fs', 'ipc', 'workers'];

/** The composition root: only it wires services together. */
const COMPOSITION_ROOT = ['app-services', 'handlers'];

// ---------------------------------------------------------------------------------------------------

const up = (depth) => String.raw`^(?:\.\./){${depth}}`;
const oneOf = (names) => `(?:${names.join('|')})`;
const filesAt = (base, folder, depth, ending = '*.{ts,tsx}') => [`${base}/${folder}/${'*/'.repeat(depth - 1)}${ending}`];

function subfolders(base) {
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** How many folders deep the deepest file under `base` is. */
function maxDepth(base, depth = 0) {
  return Math.max(depth, ...subfolders(base).map((name) => maxDepth(join(base, name), depth + 1)));
}

function checkEveryFolderHasAPlace(base, known) {
  for (const name of subfolders(base)) {
    if (!known.includes(name)) throw new Error(`eslint.boundaries.js: ${base}/${name}/ is not placed in a layer; add it to the lists there.`);
  }
}

function checkNoCircles(graph) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`eslint.boundaries.js: FEATURE_IMPORTS has a circle: ${[...path, name].join(' → ')}`);
    state.set(name, 'open');
    for (const next of graph[name] ?? []) visit(next, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(graph)) visit(name, []);
}

function rendererRules() {
  const features = Object.keys(FEATURE_IMPORTS);
  checkEveryFolderHasAPlace(RENDERER, [...features, ...RENDERER_FOUNDATION]);
  checkNoCircles(FEATURE_IMPORTS);
  const deepest = maxDepth(RENDERER);
  const rule = (forbidden, depth, message) => [
    'error',
    { ...rendererBase, patterns: [...rendererBase.patterns, { regex: `${up(depth)}${oneOf(forbidden)}(?:/|$)`, message }] },
  ];
  const configs = [
    {
      files: RENDERER_ROOT_FOUNDATION.map((file) => `${RENDERER}/${file}`),
      rules: {
        'no-restricted-imports': rule([...features, ...TOP_MODULES], 0, 'A foundation module of renderer/src imports no feature folder; see docs/architecture.md.'),
      },
    },
  ];
  for (let depth = 1; depth <= deepest; depth += 1) {
    for (const folder of RENDERER_FOUNDATION) {
      configs.push({
        files: filesAt(RENDERER, folder, depth),
        rules: {
          'no-restricted-imports': rule(
            [...features, ...TOP_MODULES],
            depth,
            `renderer/src/${folder}/ is shared by every feature, so it imports none of them; see docs/architecture.md.`,
          ),
        },
      });
    }
    for (const [folder, allowed] of Object.entries(FEATURE_IMPORTS)) {
      const forbidden = features.filter((other) => other !== folder && !allowed.includes(other));
      const top = TOP_MODULES.filter((name) => !(name === 'lazy-screens' && LAZY_SCREEN_USERS.includes(folder)));
      const may = allowed.length > 0 ? `no other feature than ${allowed.join(', ')}` : 'no other feature';
      configs.push({
        files: filesAt(RENDERER, folder, depth),
        rules: {
          'no-restricted-imports': rule(
            [...forbidden, ...top],
            depth,
            `renderer/src/${folder}/ may import ${may} (FEATURE_IMPORTS in eslint.boundaries.js), nor ${top.join(', ')}; move what both need to lib/ or components/.`,
          ),
        },
      });
    }
  }
  return configs;
}

function serviceRules() {
  const domains = Object.keys(SERVICE_PUBLIC_MODULES);
  checkEveryFolderHasAPlace(SERVICES, [...domains, ...SERVICE_INFRASTRUCTURE]);
  const deepest = maxDepth(SERVICES);
  const common = (depth) => [
    { regex: `${up(depth + 1)}(?:main|preload)(?:/|$)`, message: 'Services are plain Node: electron/main calls them, never the reverse.' },
    { regex: '(?:^|/)renderer/', message: 'Services may not import from renderer/.' },
    { regex: `${up(depth)}${oneOf(COMPOSITION_ROOT)}$`, message: 'Only the composition root (app-services.ts, handlers.ts) wires services together.' },
  ];
  const rule = (patterns) => ['error', { paths: [onlyShellImportsElectron], patterns: [electronSubpaths, ...patterns] }];
  const configs = [];
  for (let depth = 1; depth <= deepest; depth += 1) {
    for (const folder of SERVICE_INFRASTRUCTURE) {
      configs.push({
        files: filesAt(SERVICES, folder, depth),
        rules: {
          'no-restricted-imports': rule([
            ...common(depth),
            { regex: `${up(depth)}${oneOf(domains)}(?:/|$)`, message: `electron/services/${folder}/ is plumbing every service uses, so it imports no domain folder.` },
          ]),
        },
      });
    }
    for (const folder of domains) {
      const crossings = domains
        .filter((other) => other !== folder)
        .map((other) => {
          const open = ['[^/]+\\.service', '[^/]+\\.repository', ...SERVICE_PUBLIC_MODULES[other]];
          const named = SERVICE_PUBLIC_MODULES[other].length > 0 ? `, or ${SERVICE_PUBLIC_MODULES[other].join(', ')}` : '';
          return {
            regex: `${up(depth)}${other}/(?!${oneOf(open)}$)`,
            message: `Reach electron/services/${other}/ through its public modules: its *.service, its *.repository files${named} (SERVICE_PUBLIC_MODULES in eslint.boundaries.js).`,
          };
        });
      configs.push({ files: filesAt(SERVICES, folder, depth), rules: { 'no-restricted-imports': rule([...common(depth), ...crossings]) } });
    }
    // Repositories come last so their stricter rule wins for *.repository.ts files.
    for (const folder of [...domains, ...SERVICE_INFRASTRUCTURE]) {
      configs.push({
        files: filesAt(SERVICES, folder, depth, '*.repository.ts'),
        rules: {
          'no-restricted-imports': rule([
            ...common(depth),
            { regex: '\\.service$', message: 'A repository never imports a service: services call repositories.' },
            {
              regex: `${up(depth)}(?:dialogs$|(?:ipc|workers|fs)/)`,
              message: 'A repository reads and writes its table through the database it is given, nothing else.',
            },
            {
              regex: `${up(depth)}${oneOf(domains.filter((other) => other !== folder))}/(?![^/]+\\.repository$)`,
              message: 'From another domain folder a repository imports only repositories.',
            },
          ]),
        },
      });
    }
  }
  return configs;
}

/** Config objects for eslint.config.js, to go after the general renderer/ and services rules. */
export const boundaries = [...rendererRules(), ...serviceRules()];
