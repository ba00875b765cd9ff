import type { Decorator } from '@storybook/web-components-vite';

/**
 * Makes the preview look like a host product's page: its own sans-serif font, which the elements
 * inherit, and the toolbar's `color-scheme`, which they follow through `light-dark()`.
 */
export const withHostPage: Decorator = (story, { globals }) => {
  document.documentElement.style.colorScheme = globals['scheme'] === 'dark' ? 'dark' : 'light';
  // System colours follow color-scheme, so the page around the element darkens with it.
  Object.assign(document.body.style, { background: 'Canvas', color: 'CanvasText', fontFamily: "system-ui, 'Liberation Sans', sans-serif" });
  return story();
};
