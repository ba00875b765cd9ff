import { css } from 'lit';

export const paymentMethodsStyles = css`
  .balance {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 2);
    border-inline-start: 4px solid var(--_warning);
    font-weight: 600;
  }
  [part='pay-balance'] {
    margin-block-end: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  ul {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
    padding-block: calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .confirm,
  .row-error {
    flex-basis: 100%;
  }
  .row-error {
    color: var(--_danger);
  }
  .muted {
    font-size: 0.9em;
  }
  .empty {
    margin-block-end: calc(var(--_space) * 2);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: 36rem;
    margin-block-start: calc(var(--_space) * 2);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8rem), 1fr));
    gap: calc(var(--_space) * 1.5);
  }
  /* Label, input and error on rows shared across the line, so inputs line up whatever their labels' length. */
  .field {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    row-gap: 0;
  }
  .field label {
    align-self: end;
  }
  .wide {
    grid-column: 1 / -1;
  }
`;
