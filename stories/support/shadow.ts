import { waitFor } from 'storybook/test';

/** The first match for `selector` in the element's shadow root, waiting until the element has rendered it. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): Promise<T> {
  return waitFor(() => {
    const found = host.shadowRoot?.querySelector<T>(selector);
    if (!found) throw new Error(`<${host.localName}> shows no ${selector}`);
    return found;
  });
}
