import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `script` in a fresh Node process without a DOM, importing the package by name (its sources, here). */
async function inNode(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=@customer-portal/source', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: repository });
  return stdout.trim();
}

// A Next.js or Nuxt server build imports the element modules while it renders; they upgrade in the browser.
test('customer-portal/elements imports in Node and registers no tag', async () => {
  const output = await inNode(
    "const elements = await import('customer-portal/elements'); console.log(Object.keys(elements).length, customElements.get('portal-invoices') === undefined);",
  );
  assert.equal(output, '10 true'); // nine element classes and defineElement
});

test('customer-portal imports in Node and registers the default tags on Lit’s server-side registry', async () => {
  const output = await inNode("const portal = await import('customer-portal'); console.log(customElements.get('portal-invoices') === portal.PortalInvoices);");
  assert.equal(output, 'true');
});
