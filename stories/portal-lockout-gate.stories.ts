import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { acmeMethods, noMethods } from './fixtures/payment-method-list.ts';
import { dueSoon, locked, lockedWithoutPermission, paidUp, pastDue, pastDueWithoutPermission } from './fixtures/standing.ts';
import { answer, hang, unreachable } from './support/answers.ts';
import { paymentsResource } from './support/payments-resource.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface LockoutGateArgs extends PortalElementArgs {
  recheckSeconds?: number;
  failOpen?: boolean;
  onPortalStandingChange?: (event: Event) => void;
  onPortalPaymentSucceeded?: (event: Event) => void;
  onPortalPaymentFailed?: (event: Event) => void;
  onPortalPaymentMethodAdded?: (event: Event) => void;
}

const meta: Meta<LockoutGateArgs> = {
  title: 'portal-lockout-gate',
  component: 'portal-lockout-gate',
  render: (args) => html`<portal-lockout-gate
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    recheck-seconds=${ifDefined(args.recheckSeconds)}
    ?fail-open=${args.failOpen}
    @portal-standing-change=${args.onPortalStandingChange}
    @portal-payment-succeeded=${args.onPortalPaymentSucceeded}
    @portal-payment-failed=${args.onPortalPaymentFailed}
    @portal-payment-method-added=${args.onPortalPaymentMethodAdded}
    @portal-error=${args.onPortalError}
  >
    <!-- The host product's own page, which the gate guards. -->
    <h1>Projects</h1>
    <p>Your team’s projects, as the host product shows them.</p>
    <button type="button">New project</button>
  </portal-lockout-gate>`,
  // Stories answer the standing once: no re-check unless the Controls ask for one.
  args: { recheckSeconds: 0 },
  argTypes: portalElementArgTypes,
};
export default meta;

type Story = StoryObj<LockoutGateArgs>;

const gateIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-lockout-gate')!;

/** Confirms a payment in the pay flow on the lock screen, and answers the <portal-pay-balance>. */
async function payOnLockScreen(canvasElement: HTMLElement): Promise<HTMLElement> {
  const payBalance = await inShadow(gateIn(canvasElement), 'portal-pay-balance');
  await userEvent.click(await inShadow(payBalance, '[part="pay-button"]'));
  await userEvent.click(await inShadow(payBalance, '[part="confirm"] .primary'));
  return payBalance;
}

/** Locked, with no payment method on file: add a card (any number) on the lock screen, pay, and the gate opens. */
export const Playground: Story = {
  parameters: { portalServer: paymentsResource(noMethods, locked) },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/standing': hang } },
};

/** The standing cannot be read: the error with a retry, and the content stays hidden. */
export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/standing': unreachable } },
};

/** With `fail-open` the host prefers availability: the content shows when the standing cannot be read. */
export const NetworkErrorFailOpen: Story = {
  name: 'States: Error, fail-open',
  args: { failOpen: true },
  parameters: { portalServer: { 'GET /v1/standing': unreachable } },
};

export const Good: Story = {
  name: 'States: Good standing',
  parameters: { portalServer: { 'GET /v1/standing': answer(paidUp) } },
};

/** A reminder the user can dismiss, for users who may pay. */
export const DueSoon: Story = {
  name: 'States: Due soon',
  parameters: { portalServer: { 'GET /v1/standing': answer(dueSoon) } },
};

/** The content, under a warning that names the lock date; “Pay balance” opens the pay flow inline. */
export const PastDue: Story = {
  name: 'States: Past due',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(gateIn(canvasElement), '[part="past-due"] button'));
    await inShadow(gateIn(canvasElement), 'portal-pay-balance');
  },
};

export const PastDueWithoutPermission: Story = {
  name: 'States: Past due, without Customer Portal View',
  parameters: { portalServer: { 'GET /v1/standing': answer(pastDueWithoutPermission) } },
};

/** No slot: the lock screen instead, with the balance, the pay flow and the payment methods. */
export const Locked: Story = {
  name: 'States: Locked',
  parameters: { portalServer: paymentsResource(acmeMethods, locked) },
  play: async ({ canvasElement }) => {
    await inShadow(gateIn(canvasElement), '[part="lock-screen"]');
    await expect(gateIn(canvasElement).shadowRoot!.querySelector('slot')).toBeNull();
  },
};

/** Whom to contact: the Site Admin and support, each by email. */
export const LockedWithoutPermission: Story = {
  name: 'States: Locked, without Customer Portal View',
  parameters: { portalServer: { 'GET /v1/standing': answer(lockedWithoutPermission) } },
  play: async ({ canvasElement }) => {
    await expect(await inShadow(gateIn(canvasElement), '[part="contacts"] a')).toHaveAttribute('href', 'mailto:ada@acme.test');
  },
};

/** Confirmed, and the processor has not answered yet. */
export const Paying: Story = {
  name: 'States: Paying',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, locked), 'POST /v1/payments': hang } },
  play: async ({ canvasElement }) => {
    const payBalance = await payOnLockScreen(canvasElement);
    await expect(await inShadow(payBalance, 'button[disabled]')).toHaveTextContent('Paying…');
  },
};

/** The payment went through: the gate reads the standing again and opens, saying so. */
export const Paid: Story = {
  name: 'States: Paid, open again',
  parameters: { portalServer: paymentsResource(acmeMethods, locked) },
  play: async ({ canvasElement }) => {
    await payOnLockScreen(canvasElement);
    await expect(await inShadow(gateIn(canvasElement), '[part="paid"]')).toHaveTextContent('The overdue balance has been paid.');
    await inShadow(gateIn(canvasElement), 'slot');
  },
};

/** WCAG 1.4.10: at 320 CSS px the lock screen, its pay flow and the card form fit without scrolling sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: paymentsResource(noMethods, locked) },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const methods = await inShadow(gateIn(canvasElement), 'portal-payment-methods');
    await userEvent.click(await inShadow(methods, '[part="add-card"]'));
  },
};
