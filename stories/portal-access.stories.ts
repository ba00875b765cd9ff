import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { acmeUsers, onlySiteAdmin } from './fixtures/access-user-list.ts';
import { grantedUser, siteAdmin } from './fixtures/me.ts';
import { siteAdminKeepsAccess } from './fixtures/problem.ts';
import { accessResource } from './support/access-resource.ts';
import { hang, refuse, unreachable } from './support/answers.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface AccessArgs extends PortalElementArgs {
  onPortalAccessChanged?: (event: Event) => void;
}

const meta: Meta<AccessArgs> = {
  title: 'portal-access',
  component: 'portal-access',
  render: (args) => html`<portal-access
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    @portal-access-changed=${args.onPortalAccessChanged}
    @portal-error=${args.onPortalError}
  ></portal-access>`,
  argTypes: portalElementArgTypes,
};
export default meta;

type Story = StoryObj<AccessArgs>;

const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-access')!;

// Bea Billing, who holds access, is the third user in acmeUsers.
const beasSwitch = '[part="row"]:nth-of-type(3) [part="switch"]';

/** The Site Admin's view, remembering changes: give and remove access, then remove your own. */
export const Playground: Story = {
  parameters: { portalServer: accessResource(acmeUsers, siteAdmin) },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/access/users': hang, 'GET /v1/me': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/access/users': unreachable, 'GET /v1/me': unreachable } },
};

/** Nobody but the Site Admin has opened the portal yet. */
export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: accessResource(onlySiteAdmin, siteAdmin) },
};

/** The Site Admin's row has no switch and says why; the others show who gave them access and when. */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: accessResource(acmeUsers, siteAdmin) },
};

/**
 * Support named Bea the new Site Admin after this list was loaded; removing her access is refused
 * (409) and the refusal is shown in her row.
 */
export const SiteAdminRefusal: Story = {
  name: 'States: Site Admin refusal',
  parameters: { portalServer: { ...accessResource(acmeUsers, siteAdmin), 'PUT /v1/access/users/{sub}': refuse(siteAdminKeepsAccess) } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, beasSwitch));
    await expect(await inShadow(element, '[part="row-error"]')).toBeVisible();
  },
};

/** Removing your own access asks first: you would lose this page. */
export const ConfirmOwnRemoval: Story = {
  name: 'States: Removing your own access',
  parameters: { portalServer: accessResource(acmeUsers, grantedUser) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '#own-switch'));
    await expect(await inShadow(element, '[part="confirm"]')).toBeVisible();
  },
};

/** WCAG 1.4.10: at 320 CSS px the table still fits, e-mail addresses breaking before their @. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: accessResource(acmeUsers, siteAdmin) },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
};
