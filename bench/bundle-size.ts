import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

/** Libraries that belong on the server; finding one in the widget bundle fails the budget. */
const serverOnly = [/node_modules\/jspdf/, /node_modules\/sheetjs/, /node_modules\/xlsx/, /node_modules\/zod\//];

export interface BundleSize {
  gzipBytes: number;
  minifiedBytes: number;
  serverOnlyModules: string[];
}

/** Builds what a host loads up front (`customer-portal`: lit, the client, every element) as Vite would for production. */
export async function measureWidgetBundle(entry = 'widgets/index.ts'): Promise<BundleSize> {
  const outDir = mkdtempSync(join(tmpdir(), 'portal-bundle-'));
  try {
    const result = await build({
      logLevel: 'silent',
      configFile: false,
      build: {
        outDir,
        lib: { entry, formats: ['es'], fileName: 'portal' },
        // Library mode keeps whitespace in ES output so that hosts can still tree-shake it; a host's
        // production build then minifies everything. Measure that minified form.
        minify: true,
        rolldownOptions: { output: { minify: true } },
        write: false,
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const allChunks = outputs.flatMap((output) => output.output).filter((item) => item.type === 'chunk');
    // What a host downloads up front: the entry and what it imports statically, not lazy catalogues.
    const byName = new Map(allChunks.map((chunk) => [chunk.fileName, chunk]));
    const chunks = new Set(allChunks.filter((chunk) => chunk.isEntry));
    for (const chunk of chunks) for (const imported of chunk.imports) chunks.add(byName.get(imported)!);
    const code = [...chunks].map((chunk) => chunk.code).join('\n');
    return {
      gzipBytes: gzipSync(code, { level: 9 }).length,
      minifiedBytes: Buffer.byteLength(code),
      serverOnlyModules: allChunks.flatMap((chunk) => chunk.moduleIds).filter((id) => serverOnly.some((pattern) => pattern.test(id))),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
