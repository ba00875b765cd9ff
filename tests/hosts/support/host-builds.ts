import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildReactHost } from '../../../demo/hosts/react/build.ts';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

/** A one-file ESM build of a widget entry with lit inside, as `npm run build` makes dist/customer-portal.js. */
export async function bundleEntry(entry: 'widgets/index.ts' | 'widgets/elements.ts', outfile: string): Promise<void> {
  await esbuild({
    entryPoints: [`${repository}${entry}`],
    outfile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    tsconfig: `${repository}tsconfig.json`,
    logLevel: 'warning',
  });
}

export const buildReact = (outdir: string) => buildReactHost(outdir);

/** Builds the Vue host with its own vite.config.ts. */
export async function buildVue(outDir: string): Promise<void> {
  await viteBuild({ configFile: `${repository}demo/hosts/vue/vite.config.ts`, build: { outDir } });
}
