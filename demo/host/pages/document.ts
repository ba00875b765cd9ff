import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Theme } from '../theme.ts';

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export const productName = 'Acme Workspace';

/** The HTML document every page shares: the theme, the stylesheet and the script that registers the portal elements. */
export const htmlDocument = ({ title, theme, body }: { title: string; theme: Theme; body: Markup }) => html`<!doctype html>
  <html lang="en" data-theme="${theme}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · ${productName}</title>
      <link rel="icon" href="/assets/favicon.svg" />
      <link rel="stylesheet" href="/assets/shell.css" />
      <script type="module" src="/assets/main.js"></script>
    </head>
    <body>
      ${body}
    </body>
  </html>`;
