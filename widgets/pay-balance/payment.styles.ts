import { css } from 'lit';

/** Shared by the payment elements: badges on a method, the confirm box, rows of buttons. */
export const paymentStyles = css`
  .badge {
    margin-inline-start: var(--_space);
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
  }
  .expired {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .confirm {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
