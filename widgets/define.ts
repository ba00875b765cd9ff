/**
 * Registers an element under a tag, once: a second copy of the package on the page, or a second
 * call, is not an error. Partners pass their own tag (and registry) to use their own names.
 */
export function defineElement(tag: string, element: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, element);
}
