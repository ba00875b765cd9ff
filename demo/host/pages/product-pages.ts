import { html } from 'hono/html';
import type { Markup } from './document.ts';

/**
 * The product's content behind the lockout gate. In a `<template>`, it exists only while the gate
 * is open: a locked account gets the lock screen and none of it (and the product's API refuses it too).
 */
const gated = (portalUrl: string, content: Markup) => html`<portal-provider api-base="${portalUrl}" locale="en-US">
  <portal-lockout-gate>
    <template>${content}</template>
  </portal-lockout-gate>
</portal-provider>`;

export const dashboardPage = (portalUrl: string, firstName: string) =>
  html`<h1>Dashboard</h1>
    ${gated(
      portalUrl,
      html`<section class="card welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">Welcome back, ${firstName}</h2>
          <p>
            Company details, plan, payment methods, invoices and transactions are in
            <a href="/settings/customer-portal">Customer Portal</a> under Settings.
          </p>
        </section>
        <section class="card" aria-labelledby="projects-title">
          <h2 id="projects-title">Your projects</h2>
          <acme-projects></acme-projects>
        </section>`,
    )}`;

export const projectsPage = (portalUrl: string) =>
  html`<h1>Projects</h1>
    ${gated(portalUrl, html`<section class="card"><acme-projects></acme-projects></section>`)}`;
