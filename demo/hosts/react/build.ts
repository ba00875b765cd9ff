import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles the React host into `outdir` (main.js): what the host's own build step does. */
export async function buildReactHost(outdir: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('main.tsx', import.meta.url))],
    outdir,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Inside this repository the package resolves to its sources; an installed one resolves to dist/.
    conditions: ['@customer-portal/source'],
    logLevel: 'warning',
  });
}
