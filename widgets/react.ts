// JSX typings for React 19 hosts: `import type {} from 'customer-portal/react'` once in the app.
// React 19 sets props that the element has as properties (`tokenProvider`, `messages`) and turns
// a function prop `on<event name>` into a listener for exactly that name: `onportal-saved`.
import type { DOMAttributes, HTMLAttributes, Key, Ref } from 'react';
import type { LitElement } from 'lit';
import type {
  PortalAccess,
  PortalCustomerInfo,
  PortalInvoices,
  PortalLockoutGate,
  PortalPayBalance,
  PortalPaymentMethods,
  PortalProvider,
  PortalSubscriptions,
  PortalTransactions,
} from './elements.ts';

type PortalEventName = Extract<keyof HTMLElementEventMap, `portal-${string}`>;

/** `onportal-saved`, `onportal-error`, …: each receives its typed event. */
export type PortalEventProps = { [Name in PortalEventName as `on${Name}`]?: (event: HTMLElementEventMap[Name]) => void };

/** What a portal element takes in JSX: its own public properties, its events, and the usual HTML attributes. */
export type PortalElementProps<Element extends LitElement> = Partial<Omit<Element, keyof LitElement>> &
  PortalEventProps &
  Omit<HTMLAttributes<Element>, keyof DOMAttributes<Element>> & {
    children?: DOMAttributes<Element>['children'];
    class?: string;
    key?: Key;
    ref?: Ref<Element>;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'portal-access': PortalElementProps<PortalAccess>;
      'portal-customer-info': PortalElementProps<PortalCustomerInfo>;
      'portal-invoices': PortalElementProps<PortalInvoices>;
      'portal-lockout-gate': PortalElementProps<PortalLockoutGate>;
      'portal-pay-balance': PortalElementProps<PortalPayBalance>;
      'portal-payment-methods': PortalElementProps<PortalPaymentMethods>;
      'portal-provider': PortalElementProps<PortalProvider>;
      'portal-subscriptions': PortalElementProps<PortalSubscriptions>;
      'portal-transactions': PortalElementProps<PortalTransactions>;
    }
  }
}
