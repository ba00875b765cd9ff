import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));
const typescript = join(repository, 'node_modules/typescript/bin/tsc');
const reactTypes = join(repository, 'node_modules/@types/react');

/** Installed folders under node_modules, scoped ones as `@scope/name`. */
function installedPackages(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name]))
    .sort();
}

function sizeOf(path: string): number {
  const stats = statSync(path);
  return stats.isDirectory() ? readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0) : stats.size;
}

// A host front end installs the packed package the way it would install it from the registry.
describe('the packed package, installed into an empty host project', () => {
  const host = mkdtempSync(join(tmpdir(), 'portal-host-install-'));
  const nodeModules = join(host, 'node_modules');

  before(async () => {
    // `npm pack` runs `prepare`, which builds dist/.
    const { stdout } = await run('npm', ['pack', '--pack-destination', host, '--silent'], { cwd: repository });
    const tarball = stdout.trim().split('\n').at(-1)!;
    writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
    await run('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: host });
  });

  after(() => rmSync(host, { recursive: true, force: true }));

  test('brings lit, the Lit task and context packages and zod (the contract types), and nothing of the server', () => {
    assert.deepEqual(installedPackages(nodeModules), [
      '@lit-labs/ssr-dom-shim',
      '@lit/context',
      '@lit/reactive-element',
      '@lit/task',
      '@types/trusted-types',
      'customer-portal',
      'lit',
      'lit-element',
      'lit-html',
      'zod',
    ]);
    assert.ok(sizeOf(nodeModules) < 25 * 1024 * 1024, `node_modules holds ${sizeOf(nodeModules)} bytes`);
  });

  test('holds built JavaScript and type declarations, no TypeScript sources', () => {
    const files = readdirSync(join(nodeModules, 'customer-portal'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(nodeModules, 'customer-portal').length + 1));
    assert.deepEqual(
      files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
      [],
    );
    for (const entry of ['dist/widgets/index.js', 'dist/widgets/elements.js', 'dist/widgets/react.d.ts', 'dist/customer-portal.js', 'dist/server/index.js']) {
      assert.ok(files.includes(entry), `${entry} is missing`);
    }
  });

  test('imports in plain Node, as a server-rendering build does', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', "const elements = await import('customer-portal/elements'); await import('customer-portal'); console.log(typeof elements.PortalInvoices.define);"],
      { cwd: host },
    );
    assert.equal(stdout.trim(), 'function');
  });

  test('gives a TypeScript host the element, event and React JSX types', async () => {
    writeFileSync(
      join(host, 'host.tsx'),
      [
        "import { PortalCustomerInfo, PortalSavedEvent } from 'customer-portal';",
        "import type {} from 'customer-portal/react';",
        'const element: PortalCustomerInfo = new PortalCustomerInfo();',
        'const apiBase: string | undefined = element.apiBase;',
        "element.addEventListener('portal-saved', (event) => { const saved: PortalSavedEvent = event; });",
        "export const page = <portal-customer-info api-base={apiBase} tokenProvider={async () => 'jwt'} onportal-saved={(event) => event.value} />;",
        // A property the element does not have is refused.
        '// @ts-expect-error',
        'export const wrong = <portal-invoices pageSize="many" />;',
      ].join('\n'),
    );
    writeFileSync(
      join(host, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          jsx: 'react-jsx',
          types: [],
          skipLibCheck: true,
          // React's types from this repository, as a React host has its own.
          paths: { react: [`${reactTypes}/index.d.ts`], 'react/jsx-runtime': [`${reactTypes}/jsx-runtime.d.ts`] },
        },
        files: ['host.tsx'],
      }),
    );
    await run(process.execPath, [typescript, '-p', host], { cwd: host }).catch((error: { stdout: string }) => assert.fail(error.stdout));
  });
});
