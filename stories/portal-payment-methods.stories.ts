import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import type { Tokenizer } from '../widgets/index.ts';
import { paymentDeclined, paymentSucceeded } from './fixtures/payment.ts';
import { acmeMethods, noMethods, onlyExpiredCard } from './fixtures/payment-method-list.ts';
import { cardDetailsInvalid, forbidden } from './fixtures/problem.ts';
import { paidUp, pastDue } from './fixtures/standing.ts';
import { answer, hang, json, refuse, unreachable } from './support/answers.ts';
import { paymentsResource } from './support/payments-resource.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface PaymentMethodsArgs extends PortalElementArgs {
  tokenizer?: Tokenizer;
  onPortalPaymentMethodAdded?: (event: Event) => void;
  onPortalPaymentMethodRemoved?: (event: Event) => void;
  onPortalDefaultChanged?: (event: Event) => void;
  onPortalPaymentSucceeded?: (event: Event) => void;
  onPortalPaymentFailed?: (event: Event) => void;
}

const meta: Meta<PaymentMethodsArgs> = {
  title: 'portal-payment-methods',
  component: 'portal-payment-methods',
  render: (args) => html`<portal-payment-methods
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    @portal-payment-method-added=${args.onPortalPaymentMethodAdded}
    @portal-payment-method-removed=${args.onPortalPaymentMethodRemoved}
    @portal-default-changed=${args.onPortalDefaultChanged}
    @portal-payment-succeeded=${args.onPortalPaymentSucceeded}
    @portal-payment-failed=${args.onPortalPaymentFailed}
    @portal-error=${args.onPortalError}
  ></portal-payment-methods>`,
  // The fixtures answer the sandbox tokenizer; a host's own tokenizer is a function no control can set.
  argTypes: { ...portalElementArgTypes, tokenizer: { control: false } },
};
export default meta;

type Story = StoryObj<PaymentMethodsArgs>;

const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-payment-methods')!;

function buttonNamed(root: ShadowRoot, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === name);
  if (!button) throw new Error(`no button “${name}”`);
  return button;
}

/** Opens the pay flow and answers the embedded <portal-pay-balance>. */
async function openPayBalance(canvasElement: HTMLElement): Promise<HTMLElement> {
  const element = elementIn(canvasElement);
  await userEvent.click(await inShadow(element, '[part="balance"] button'));
  const payBalance = await inShadow(element, 'portal-pay-balance');
  await inShadow(payBalance, '[part="pay-button"]');
  return payBalance;
}

async function payAndConfirm(canvasElement: HTMLElement): Promise<HTMLElement> {
  const payBalance = await openPayBalance(canvasElement);
  await userEvent.click(await inShadow(payBalance, '[part="pay-button"]'));
  await userEvent.click(buttonNamed(payBalance.shadowRoot!, 'Pay now'));
  return payBalance;
}

/** Everything remembered: add a card (any number) or bank account, set the default, remove, pay the balance. */
export const Playground: Story = {
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/payment-methods': hang, 'GET /v1/standing': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/payment-methods': unreachable, 'GET /v1/standing': unreachable } },
};

/** The user lacks Customer Portal View: the standing answers, the payment methods do not (403). */
export const Forbidden: Story = {
  name: 'States: Forbidden',
  parameters: { portalServer: { 'GET /v1/payment-methods': refuse(forbidden), 'GET /v1/standing': answer(paidUp) } },
};

export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: paymentsResource(noMethods, paidUp) },
};

/** The default first; an expired card flagged, with no “Set as default”; a bank account; the balance due, with “Pay balance”. */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
};

/** An expired card is flagged, offers no “Set as default”, and the pay flow cannot pick it. */
export const ExpiredCard: Story = {
  name: 'States: Expired card',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await expect(await inShadow(element, '[part="expired-badge"]')).toHaveTextContent('Expired 06/2026');
    const payBalance = await openPayBalance(canvasElement);
    const [, expired] = payBalance.shadowRoot!.querySelectorAll('input[type="radio"]');
    await expect(expired).toBeDisabled();
  },
};

/** The only card on file has expired, often the very reason a payment is late: the pay flow asks for another method. */
export const OnlyExpiredCard: Story = {
  name: 'States: Only an expired card',
  parameters: { portalServer: paymentsResource(onlyExpiredCard, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="balance"] button'));
    const payBalance = await inShadow(element, 'portal-pay-balance');
    await expect(await inShadow(payBalance, '[part="amount"] + p')).toHaveTextContent('Add a card or bank account to pay.');
  },
};

/** The sandbox tokenizer refuses a mistyped card (422); each message lands beside its field, and focus moves to the first. */
export const AddingWithFieldErrors: Story = {
  name: 'States: Adding a card with field errors',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /sandbox-gateway/v1/tokens': refuse(cardDetailsInvalid) } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="add-card"]'));
    await userEvent.type(await inShadow(element, '[id="card.name"]'), 'Ada Admin');
    await userEvent.type(await inShadow(element, '[id="card.number"]'), '4242 4242 4242 4241');
    await userEvent.type(await inShadow(element, '[id="card.expMonth"]'), '1');
    await userEvent.type(await inShadow(element, '[id="card.expYear"]'), '2020');
    await userEvent.type(await inShadow(element, '[id="card.cvc"]'), '12');
    await userEvent.click(await inShadow(element, 'form [type="submit"]'));
    await expect(await inShadow(element, '[id="card.number-error"]')).toHaveTextContent('This card number is not valid.');
    await expect(element.shadowRoot!.activeElement).toBe(await inShadow(element, '[id="card.number"]'));
  },
};

/** Removing the default while others are on file: the server refuses (409), and the row says to choose another default first. */
export const RemoveDefaultRefused: Story = {
  name: 'States: Removing the default is refused',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, `[id="remove-${acmeMethods.data[0]!.id}"]`));
    await userEvent.click(await inShadow(element, '[part="confirm"] .danger'));
    await expect(await inShadow(element, '[part="row-error"]')).toHaveTextContent('Set another one as default first');
  },
};

/** Confirmed, and the processor has not answered yet. */
export const Paying: Story = {
  name: 'States: Paying',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /v1/payments': hang } },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(buttonNamed(payBalance.shadowRoot!, 'Paying…')).toBeDisabled();
  },
};

/** The amount, the method to pay with (the default chosen, an expired card not choosable), and the question before charging. */
export const ConfirmPayment: Story = {
  name: 'States: Confirming a payment',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const payBalance = await openPayBalance(canvasElement);
    await userEvent.click(await inShadow(payBalance, '[part="pay-button"]'));
    await expect(await inShadow(payBalance, '[part="confirm"]')).toHaveTextContent('Charge $129.00 to Visa ·· 4242 now?');
  },
};

/** The payment went through: its reference, and nothing is due any more. */
export const PaymentSucceeded: Story = {
  name: 'States: Payment succeeded',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(await inShadow(payBalance, '[part="outcome"]')).toHaveTextContent(`Reference: ${paymentSucceeded.reference}`);
    await expect(await inShadow(payBalance, '[part="nothing-due"]')).toBeVisible();
  },
};

/** The processor declined it: why, in plain words, and that nothing was charged; the balance stays. */
export const PaymentDeclined: Story = {
  name: 'States: Payment declined',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /v1/payments': () => json(paymentDeclined, {}, 201) } },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(await inShadow(payBalance, '[part="outcome"]')).toHaveTextContent('Insufficient funds.');
  },
};

/** WCAG 1.4.10: at 320 CSS px the list, the card form and the pay flow fit without scrolling sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await openPayBalance(canvasElement);
    await userEvent.click(await inShadow(elementIn(canvasElement), '[part="add-card"]'));
  },
};
