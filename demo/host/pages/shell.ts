import { html } from 'hono/html';
import type { Theme } from '../theme.ts';
import type { HostUser } from '../user-directory.ts';
import { htmlDocument, type Markup, productName } from './document.ts';
import { themeSwitch } from './theme-switch.ts';

export interface ShellPage {
  title: string;
  path: string;
  user: HostUser;
  theme: Theme;
  main: Markup;
}

const menuLink = (href: string, label: string, path: string) =>
  html`<a href="${href}" ${path === href ? html`aria-current="page"` : ''}>${label}</a>`;

/** The signed-in product: top bar, the left menu (Settings → Customer Portal), and the page. */
export const shell = ({ title, path, user, theme, main }: ShellPage) =>
  htmlDocument({
    title,
    theme,
    body: html`<a class="skip" href="#main">Skip to content</a>
      <header class="top-bar">
        <a class="brand" href="/home"><span class="logo" role="img" aria-label="${productName}"></span></a>
        ${themeSwitch(theme, path)}
        <p class="who"><strong>${user.name}</strong> <span>${user.accountName}</span></p>
        <form method="post" action="/logout"><button type="submit">Sign out</button></form>
      </header>
      <div class="frame">
        <nav class="menu" aria-label="Main">
          <ul>
            <li>${menuLink('/home', 'Dashboard', path)}</li>
            <li>${menuLink('/projects', 'Projects', path)}</li>
            <li>
              <details ${path.startsWith('/settings/') ? 'open' : ''}>
                <summary>Settings</summary>
                <ul>
                  <li>${menuLink('/settings/customer-portal', 'Customer Portal', path)}</li>
                </ul>
              </details>
            </li>
          </ul>
          <p class="menu-group">Demo tools</p>
          <ul>
            <li>${menuLink('/outbox', 'Outbox', path)}</li>
          </ul>
        </nav>
        <main id="main" tabindex="-1">${main}</main>
      </div>`,
  });
