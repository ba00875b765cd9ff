import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// The docs pages import the example files with `?raw`, so the code they show is the code the host
// tests run; this keeps a file added to an example from going unshown.
const pageByExample: Record<string, string> = {
  'plain-html': 'embedding-plain-html.mdx',
  react: 'embedding-react.mdx',
  vue: 'embedding-vue.mdx',
  'partner-tags': 'embedding-own-tag-names.mdx',
};

test('every example host in demo/hosts has a docs page', () => {
  const examples = readdirSync('demo/hosts', { withFileTypes: true }).filter((entry) => entry.isDirectory());
  assert.deepEqual(examples.map((entry) => entry.name).sort(), Object.keys(pageByExample).sort());
});

for (const [example, page] of Object.entries(pageByExample)) {
  test(`stories/docs/${page} shows every file of demo/hosts/${example}`, () => {
    const docs = readFileSync(`stories/docs/${page}`, 'utf8');
    const notShown = readdirSync(`demo/hosts/${example}`).filter((file) => !docs.includes(`'../../demo/hosts/${example}/${file}?raw'`));
    assert.deepEqual(notShown, []);
  });
}
