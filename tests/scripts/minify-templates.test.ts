import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyTemplateLiterals } from '../../scripts/minify-templates.ts';

test('html templates keep one space wherever the source had whitespace, around every substitution', () => {
  const source = 'const view = html`\n  <p class="a ${kind}">\n    <strong>Key</strong>\n    ${key}\n  </p>\n`;';
  assert.equal(minifyTemplateLiterals(source), 'const view = html` <p class="a ${kind}"> <strong>Key</strong> ${key} </p> `;');
});

test('css templates lose comments and the spaces around punctuation, but not inside values', () => {
  const source = 'const styles = css`\n  /* card */\n  :host > .card {\n    margin: 0 calc(var(--_space) * 2);\n    font: 1rem/1.5 a, b;\n  }\n  .x :focus-visible { color: ${accent}; }\n`;';
  assert.equal(
    minifyTemplateLiterals(source),
    'const styles = css` :host>.card{margin:0 calc(var(--_space) * 2);font:1rem/1.5 a,b;}.x :focus-visible{color:${accent};}`;',
  );
});

test('nested templates are squeezed too; other templates and strings are left alone', () => {
  const source = "const a = html`<ul>\n  ${items.map((item) => html`\n    <li>${item}</li>`)}\n</ul>`;\nconst b = `keep\n  this`;\nconst c = 'and  this';";
  assert.equal(
    minifyTemplateLiterals(source),
    "const a = html`<ul> ${items.map((item) => html` <li>${item}</li>`)} </ul>`;\nconst b = `keep\n  this`;\nconst c = 'and  this';",
  );
});
