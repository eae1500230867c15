import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { channelOf, contract, eventNames, events, methodNames } from '../../shared/contract';
import { preloadNameConstants } from '../../shared/contract/preload-names';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The preload bundled as electron-vite bundles it: CommonJS, 'electron' left to require, the names written in. */
async function bundlePreload(): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'electron/preload/index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    define: preloadNameConstants(),
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

// The contract's keys are the one list of methods: the main side, the preload and the test host all
// take their names (and channels) from it.
describe('method and event names', () => {
  it('builds the preload with exactly the contract methods and events', () => {
    const constants = preloadNameConstants();
    expect(JSON.parse(constants.__CONTRACT_METHOD_NAMES__ ?? 'null')).toEqual(Object.keys(contract));
    expect(JSON.parse(constants.__CONTRACT_EVENT_NAMES__ ?? 'null')).toEqual(Object.keys(events));
    expect(methodNames).toEqual(Object.keys(contract));
    expect(eventNames).toEqual(Object.keys(events));
  });

  it('gives every method and event its own channel', () => {
    const channels = [...methodNames, ...eventNames].map(channelOf);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('keeps the preload free of packages, so the sandbox can load it, with a function per method', async () => {
    const { code, inputs } = await bundlePreload();
    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual([]);

    let exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (_key: string, api: Record<string, unknown>) => (exposed = api) },
      ipcRenderer: { invoke: async (channel: string) => invoked.push(channel) },
    };
    const required: string[] = [];
    const load = new Function('require', 'module', 'exports', code) as (req: (id: string) => unknown, module: object, exports: object) => void;
    load((id) => (required.push(id), electron), { exports: {} }, {});

    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed).sort()).toEqual([...methodNames, 'on'].sort());
    await (exposed.exportData as () => Promise<unknown>)();
    expect(invoked).toEqual([channelOf('exportData')]);
  });
});
