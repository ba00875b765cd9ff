import { render, type TemplateResult } from 'lit';
import 'axe-core/axe.js';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

// Compare DOM nodes as booleans (`assert.isTrue(a === b)`), not with `assert.equal(a, b)`: when such an
// assertion fails, chai's message serialises the nodes and the runner hangs instead of reporting it.

const mounted: HTMLElement[] = [];

/** Renders a template into a fresh container on the page and answers its first element. */
export async function mount<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const element = container.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}

/** Removes what mount() added; call it from afterEach. */
export function unmountAll(): void {
  for (const container of mounted.splice(0)) container.remove();
}

/** Resolves once `predicate` holds, checking every frame; fails after `timeoutMs`. */
export async function until(predicate: () => unknown, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The element's shadow root, for reading what it rendered. */
export const shadow = (element: Element): ShadowRoot => element.shadowRoot!;

/** Fails with each axe-core violation (rule, impact, where) inside `element`. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await window.axe.run(element);
  if (results.violations.length > 0) {
    const lines = results.violations.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
    );
    throw new Error(`axe-core found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
