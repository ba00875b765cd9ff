import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Plugin } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildReactHost } from '../../../demo/hosts/react/build.ts';
import { minifyTemplateLiterals } from '../../../scripts/minify-templates.ts';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

/** The templates squeezed as `npm run build` squeezes them for dist/, so the hosts run what ships. */
const squeezedTemplates: Plugin = {
  name: 'squeezed-templates',
  setup(build) {
    build.onLoad({ filter: /\/widgets\/.*\.ts$/ }, async ({ path }) => ({
      contents: minifyTemplateLiterals(await readFile(path, 'utf8')),
      loader: 'ts',
    }));
  },
};

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
    plugins: [squeezedTemplates],
    logLevel: 'warning',
  });
}

export const buildReact = (outdir: string) => buildReactHost(outdir);

/** Builds the Vue host with its own vite.config.ts. */
export async function buildVue(outDir: string): Promise<void> {
  await viteBuild({ configFile: `${repository}demo/hosts/vue/vite.config.ts`, build: { outDir } });
}
