import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { forbidden, requestStillPending, salesTeamUnreachable } from './fixtures/problem.ts';
import { acmeSubscriptions, noSubscriptions } from './fixtures/subscription-list.ts';
import { noRequests, pendingWebApiRequest } from './fixtures/subscription-request-list.ts';
import { hang, refuse, unreachable } from './support/answers.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';
import { subscriptionsResource } from './support/subscriptions-resource.ts';

interface SubscriptionsArgs extends PortalElementArgs {
  onPortalChangeRequested?: (event: Event) => void;
}

const meta: Meta<SubscriptionsArgs> = {
  title: 'portal-subscriptions',
  component: 'portal-subscriptions',
  render: (args) => html`<portal-subscriptions
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    @portal-change-requested=${args.onPortalChangeRequested}
    @portal-error=${args.onPortalError}
  ></portal-subscriptions>`,
  argTypes: portalElementArgTypes,
};
export default meta;

type Story = StoryObj<SubscriptionsArgs>;

const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-subscriptions')!;

/** Opens the form from "Request a change" under the contact details, or from an add-on's own button. */
async function openForm(canvasElement: HTMLElement, button = '.change [part="request-button"]'): Promise<HTMLElement> {
  const element = elementIn(canvasElement);
  await userEvent.click(await inShadow(element, button));
  await inShadow(element, '[part="form"]');
  return element;
}

// Web API is the first add-on on offer in acmeSubscriptions.
const addWebApi = '[part="subscription"] [part="request-button"]';

async function askForWebApi(canvasElement: HTMLElement): Promise<HTMLElement> {
  const element = await openForm(canvasElement, addWebApi);
  await userEvent.click(await inShadow(element, '[part="form"] button[type="submit"]'));
  return element;
}

/** Subscriptions that record requests: ask for an add-on or a change and see it pending. */
export const Playground: Story = {
  parameters: { portalServer: subscriptionsResource(acmeSubscriptions, noRequests) },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: {
    portalServer: { 'GET /v1/subscriptions': hang, 'GET /v1/subscriptions/requests': hang, 'GET /v1/contact': hang },
  },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: {
    portalServer: {
      'GET /v1/subscriptions': unreachable,
      'GET /v1/subscriptions/requests': unreachable,
      'GET /v1/contact': unreachable,
    },
  },
};

export const Forbidden: Story = {
  name: 'States: Forbidden',
  parameters: {
    portalServer: {
      'GET /v1/subscriptions': refuse(forbidden),
      'GET /v1/subscriptions/requests': refuse(forbidden),
      'GET /v1/contact': refuse(forbidden),
    },
  },
};

/** No subscription yet; the vendor can still be asked for one. */
export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: subscriptionsResource(noSubscriptions, noRequests) },
};

/** An active plan with one premium feature and two add-ons on offer, and a plan that starts next year. */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: subscriptionsResource(acmeSubscriptions, noRequests) },
};

export const RequestForm: Story = {
  name: 'States: Request a change',
  parameters: { portalServer: subscriptionsResource(acmeSubscriptions, noRequests) },
  play: async ({ canvasElement }) => {
    const element = await openForm(canvasElement);
    await expect(element.shadowRoot!.activeElement).toBe(await inShadow(element, '#kind'));
  },
};

/** Web API was asked for and the sales team has not dealt with it yet; an older request was resolved. */
export const PendingRequest: Story = {
  name: 'States: Pending request',
  parameters: { portalServer: subscriptionsResource(acmeSubscriptions, pendingWebApiRequest) },
};

/** The same request is still pending (409): the form says so rather than sending it twice. */
export const DuplicateRequest: Story = {
  name: 'States: Request already pending',
  parameters: {
    portalServer: {
      ...subscriptionsResource(acmeSubscriptions, noRequests),
      'POST /v1/subscriptions/requests': refuse(requestStillPending),
    },
  },
  play: async ({ canvasElement }) => {
    const element = await askForWebApi(canvasElement);
    await expect(await inShadow(element, '[part="form"] .banner.error')).toBeVisible();
  },
};

/** The mail to the sales team failed (503), so nothing was recorded; the form stays filled in to try again. */
export const RequestNotSent: Story = {
  name: 'States: Request not sent',
  parameters: {
    portalServer: {
      ...subscriptionsResource(acmeSubscriptions, noRequests),
      'POST /v1/subscriptions/requests': refuse(salesTeamUnreachable),
    },
  },
  play: async ({ canvasElement }) => {
    const element = await askForWebApi(canvasElement);
    await expect(await inShadow(element, '[part="form"] .banner.error')).toBeVisible();
  },
};

/** WCAG 1.4.10: at 320 CSS px the terms and features stack, and nothing scrolls sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: subscriptionsResource(acmeSubscriptions, pendingWebApiRequest) },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
};
