import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';
import { minifyTemplateLiterals } from '../scripts/minify-templates.ts';

/** Libraries that belong on the server; finding one in the widget bundle fails the budget. */
const serverOnly = [/node_modules\/jspdf/, /node_modules\/sheetjs/, /node_modules\/xlsx/, /node_modules\/zod\//];

export interface BundleSize {
  gzipBytes: number;
  minifiedBytes: number;
  serverOnlyModules: string[];
  /**
   * Per element: `aloneGzipBytes`, everything a host loads for that element alone (lit, the client
   * and what it imports); `ownGzipBytes`, the code no other element uses.
   */
  elements: { element: string; aloneGzipBytes: number; ownGzipBytes: number }[];
  /** The code two or more elements share, when all are loaded (lit, the client, the base element, …). */
  sharedGzipBytes: number;
}

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

/** The elements' templates squeezed as `npm run build` ships them in dist/. */
const squeezedTemplates: Plugin = {
  name: 'squeezed-templates',
  enforce: 'pre',
  transform: (code, id) => (/\/widgets\/.*\.ts$/.test(id) ? minifyTemplateLiterals(code) : null),
};

/** Builds as a host's production build would, without writing; answers the chunks. */
async function buildChunks(entry: string | Record<string, string>): Promise<Rolldown.OutputChunk[]> {
  const result = await build({
    logLevel: 'silent',
    configFile: false,
    plugins: [squeezedTemplates],
    // Library mode keeps whitespace in ES output so that hosts can still tree-shake it; a host's
    // production build then minifies everything. Measure that minified form.
    build: { lib: { entry, formats: ['es'] }, minify: true, rolldownOptions: { output: { minify: true } }, write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
}

/** What a host downloads up front: the entries and what they import statically, not lazy catalogues. */
function loadedUpFront(chunks: Rolldown.OutputChunk[]): Rolldown.OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set(chunks.filter((chunk) => chunk.isEntry));
  for (const chunk of loaded) for (const imported of chunk.imports) loaded.add(byName.get(imported)!);
  return [...loaded];
}

/** The element modules `widgets/elements.ts` exports, by file name (portal-invoices, …). */
function elementModules(): Record<string, string> {
  const source = readFileSync('widgets/elements.ts', 'utf8');
  const paths = [...source.matchAll(/from '\.\/(.+?\/portal-.+?\.ts)'/g)].map((match) => `widgets/${match[1]}`);
  return Object.fromEntries(paths.map((path) => [basename(path, '.ts'), path]));
}

/**
 * Measures what a host loads for all portal elements (`customer-portal`: lit, the client, every
 * element) in one bundle; then each element alone; then all elements as entries of one build, so
 * the code only one element uses lands in its entry chunk and what two share in common chunks.
 */
export async function measureWidgetBundle(entry = 'widgets/index.ts'): Promise<BundleSize> {
  const whole = await buildChunks(entry);
  const code = loadedUpFront(whole).map((chunk) => chunk.code).join('\n');
  const modules = elementModules();
  const split = loadedUpFront(await buildChunks(modules));
  const elements = [];
  for (const [element, path] of Object.entries(modules)) {
    const alone = loadedUpFront(await buildChunks(path)).map((chunk) => chunk.code).join('\n');
    const own = split.find((chunk) => chunk.isEntry && chunk.name === element)!;
    elements.push({ element, aloneGzipBytes: gzipSize(alone), ownGzipBytes: gzipSize(own.code) });
  }
  return {
    gzipBytes: gzipSize(code),
    minifiedBytes: Buffer.byteLength(code),
    serverOnlyModules: whole.flatMap((chunk) => chunk.moduleIds).filter((id) => serverOnly.some((pattern) => pattern.test(id))),
    elements,
    sharedGzipBytes: gzipSize(split.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.code).join('\n')),
  };
}
