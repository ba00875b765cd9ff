import { html } from 'hono/html';
import type { Theme } from '../theme.ts';

const labels: Record<Theme, string> = { acme: 'Acme', partner: 'Partner (white-label)' };

/** Two buttons that post the theme and come back to `path`: it works without script. */
export const themeSwitch = (theme: Theme, path: string) => html`<form class="theme-switch" method="post" action="/theme">
  <input type="hidden" name="back" value="${path}" />
  <span id="theme-label">Theme</span>
  <div role="group" aria-labelledby="theme-label">
    ${(Object.keys(labels) as Theme[]).map(
      (option) => html`<button type="submit" name="theme" value="${option}" aria-pressed="${String(option === theme)}">${labels[option]}</button>`,
    )}
  </div>
</form>`;
