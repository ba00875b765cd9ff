import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type Routes, serve } from './fixture-server.ts';

const storyToken = async () => 'storybook-token';

/**
 * Wraps a story that has `parameters.portalServer` (its routes) in a <portal-provider> connected
 * to them, in the toolbar's locale: the way a host product embeds the elements.
 */
export const withPortalServer: Decorator = (story, { parameters, globals }) => {
  const routes = parameters['portalServer'] as Routes | undefined;
  if (!routes) return story();
  return html`<portal-provider api-base=${serve(routes)} .tokenProvider=${storyToken} locale=${globals['locale']}>${story()}</portal-provider>`;
};
