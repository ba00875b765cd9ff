/**
 * `npm run manifest`: custom-elements.json from the widgets' JSDoc (@summary @event @csspart
 * @cssprop @slot), for Storybook's docs and controls. Generated before every Storybook start and
 * build, never committed.
 */
export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // Left on, the analyzer writes a "customElements" field into package.json on every run.
  packagejson: false,
  plugins: [tagNamesFromTagNameMap(), publicApiOnly()],
};

/**
 * The elements register through `static define(tag = '…')`, which the analyzer cannot follow; the
 * `HTMLElementTagNameMap` entry every element declares names its default tag instead.
 */
function tagNamesFromTagNameMap() {
  const tagByClass = new Map();
  return {
    name: 'tag-names-from-tag-name-map',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'HTMLElementTagNameMap') return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && ts.isStringLiteral(member.name) && member.type && ts.isTypeReferenceNode(member.type)) {
          tagByClass.set(member.type.typeName.getText(), member.name.text);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        const tagName = tagByClass.get(declaration.name);
        if (tagName && !declaration.tagName) {
          declaration.tagName = tagName;
          declaration.customElement = true;
        }
      }
    },
  };
}

/**
 * Storybook turns every member into a control, so private and protected ones are left out. Events
 * are the documented `@event`s only: the analyzer also reads `dispatchEvent(new PortalSavedEvent('customer', …))`
 * as an event named "customer", but the event classes carry their own names.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        declaration.members = declaration.members?.filter((member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'));
        declaration.events = declaration.events?.filter((event) => event.description);
      }
    },
  };
}

function classes(customElementsManifest) {
  return customElementsManifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.kind === 'class'));
}
