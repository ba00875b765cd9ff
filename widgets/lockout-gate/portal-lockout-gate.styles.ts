import { css } from 'lit';

/**
 * The host's content keeps the text styles it would have without the gate: only the gate's own
 * parts take the portal's. The payment methods' own "Pay balance" is hidden: the pay flow above them
 * is the one way to pay in the gate. The lock screen has no focus ring: focus is put on it so its
 * title and reason are read.
 */
export const lockoutGateStyles = css`
  :host {
    color: inherit;
    font: inherit;
  }
  .banner,
  .pay,
  .lock,
  .state,
  [part='skeleton'] {
    color: var(--_text);
    font-family: var(--portal-font-family, inherit);
    font-size: var(--portal-font-size, inherit);
    line-height: 1.5;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
    border-inline-start-width: 4px;
  }
  .banner p {
    flex: 1 1 20rem;
  }
  .warning {
    border-color: var(--_warning);
  }
  .success {
    border-color: var(--_success);
  }
  .pay {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }
  .pay-balance {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .payment-methods::part(balance) {
    display: none;
  }
  .lock {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: 48rem;
    margin-inline: auto;
    border-block-start: 4px solid var(--_danger);
  }
  .lock .pay {
    margin: 0;
  }
  .lock:focus {
    outline: none;
  }
  dl {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    margin: 0;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dd + dt {
    margin-block-start: var(--_space);
  }
`;
