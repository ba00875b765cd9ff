import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const tokenPattern = /--portal-[a-z0-9-]+/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const tokensUsed = new Set(sourceFiles('widgets').flatMap((file) => readFileSync(file, 'utf8').match(tokenPattern) ?? []));
const readme = readFileSync('README.md', 'utf8');
const themingSection = readme.slice(readme.indexOf('### Theming'), readme.indexOf('\n## ', readme.indexOf('### Theming')));
const tokensDocumented = new Set(themingSection.match(tokenPattern) ?? []);

describe('theme tokens', () => {
  it('are all documented in the README’s Theming table', () => {
    assert.deepEqual([...tokensUsed].filter((token) => !tokensDocumented.has(token)).sort(), []);
  });

  it('are all set by the white-label example, demo/hosts/partner-tags/partner-theme.css', () => {
    const whiteLabel = new Set(readFileSync('demo/hosts/partner-tags/partner-theme.css', 'utf8').match(tokenPattern) ?? []);
    assert.deepEqual([...tokensDocumented].filter((token) => !whiteLabel.has(token)).sort(), []);
  });

  it('are all used by some element, as documented', () => {
    assert.deepEqual([...tokensDocumented].filter((token) => !tokensUsed.has(token)).sort(), []);
  });
});
