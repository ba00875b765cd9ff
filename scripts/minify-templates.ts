import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * `tsx scripts/minify-templates.ts dist/widgets`: squeezes the whitespace out of the `html` and
 * `css` tagged templates of the built elements, which no JavaScript minifier touches (indentation
 * is a tenth of what a host ships). HTML whitespace is only collapsed (a run becomes one space),
 * never removed, so inline content renders exactly as written; CSS loses comments and the spaces
 * around punctuation.
 */

type Squeeze = (text: string) => string;

const squeezeHtml: Squeeze = (text) => text.replace(/\s+/g, ' ');

const squeezeCss: Squeeze = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/([(:]) /g, '$1')
    .replace(/ \)/g, ')');

/** Rewrites the literal parts of every html`…` and css`…` template in a JavaScript or TypeScript module. */
export function minifyTemplateLiterals(source: string): string {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const squeeze = node.tag.text === 'html' ? squeezeHtml : node.tag.text === 'css' ? squeezeCss : undefined;
      if (squeeze) {
        const template = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const part of parts) {
          // Each part's text sits between its delimiters: ` or } before, ` or ${ after.
          const start = part.getStart(file) + 1;
          const end = part.end - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          edits.push({ start, end, text: squeeze(source.slice(start, end)) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let code = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  return code;
}

function* javaScriptFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* javaScriptFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: tsx scripts/minify-templates.ts <folder of built .js files>');
  for (const path of javaScriptFiles(folder)) {
    const source = readFileSync(path, 'utf8');
    const minified = minifyTemplateLiterals(source);
    if (minified !== source) writeFileSync(path, minified);
  }
}
