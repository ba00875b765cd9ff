import { readdir, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, type Rolldown } from 'vite';

export interface Asset {
  body: string;
  contentType: string;
}

/** What the product's pages load from /assets/: its script (with the portal elements) and its static files, by file name. */
export type Assets = Map<string, Asset>;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const browserEntry = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
const publicFolder = new URL('./public/', import.meta.url);

/**
 * Bundles the browser script with Vite, as a host product builds its front end, and reads the
 * static files. Kept in memory rather than written out, so two demos started from one checkout
 * never overwrite each other's files.
 */
export async function buildAssets(): Promise<Assets> {
  const result = await build({
    logLevel: 'warn',
    configFile: false,
    // Inside this repository `customer-portal` resolves to its sources; a host's build gets the published files.
    resolve: { conditions: ['@customer-portal/source', ...defaultClientConditions] },
    build: {
      write: false,
      outDir: 'unused-with-write-false',
      modulePreload: false,
      rolldownOptions: {
        input: browserEntry,
        output: { entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const assets: Assets = new Map();
  for (const item of outputs.flatMap((output) => output.output)) {
    if (item.type === 'chunk') assets.set(item.fileName, { body: item.code, contentType: contentTypes['.js']! });
  }
  for (const fileName of await readdir(publicFolder)) {
    const contentType = contentTypes[extname(fileName)];
    if (contentType) assets.set(fileName, { body: await readFile(new URL(fileName, publicFolder), 'utf8'), contentType });
  }
  return assets;
}
