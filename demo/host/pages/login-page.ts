import { html } from 'hono/html';
import type { DemoLogin } from '../demo-users.ts';
import type { Theme } from '../theme.ts';
import { htmlDocument, productName } from './document.ts';
import { themeSwitch } from './theme-switch.ts';

export interface LoginPage {
  theme: Theme;
  /** Where to go once signed in (a path of this site). */
  next: string;
  username?: string;
  error?: string;
  demoLogins: DemoLogin[];
}

export const loginPage = ({ theme, next, username = '', error, demoLogins }: LoginPage) =>
  htmlDocument({
    title: 'Sign in',
    theme,
    body: html`<header class="top-bar">
        <span class="brand"><span class="logo" role="img" aria-label="${productName}"></span></span>
        ${themeSwitch(theme, next === '/home' ? '/login' : `/login?next=${encodeURIComponent(next)}`)}
      </header>
      <main id="main" class="sign-in">
        <form class="card" method="post" action="/login" novalidate>
          <h1>Sign in to ${productName}</h1>
          ${error ? html`<p class="form-error" role="alert" id="login-error">${error}</p>` : ''}
          <input type="hidden" name="next" value="${next}" />
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" required value="${username}" ${error ? html`aria-describedby="login-error"` : ''} />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button class="primary" type="submit">Sign in</button>
        </form>
        <section class="card demo-logins" aria-labelledby="demo-logins-title">
          <h2 id="demo-logins-title">Demo logins</h2>
          <p>Every demo user's password is <code>${demoLogins[0]?.password}</code>.</p>
          <table>
            <thead>
              <tr><th scope="col">Username</th><th scope="col">Who</th></tr>
            </thead>
            <tbody>
              ${demoLogins.map((login) => html`<tr><td><code>${login.username}</code></td><td>${login.name} — ${login.role}</td></tr>`)}
            </tbody>
          </table>
        </section>
      </main>`,
  });
