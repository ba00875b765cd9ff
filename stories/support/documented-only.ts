import type { WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';

const documentedOnly = new Set(['events', 'css shadow parts', 'css custom properties', 'slots']);

/** Events, parts, custom properties and slots from the manifest belong in the docs table, but no arg can set them. */
export const withoutControlsForDocumentedOnly: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [
      name,
      documentedOnly.has(String(argType.table?.category)) ? { ...argType, control: false as const } : argType,
    ]),
  );
