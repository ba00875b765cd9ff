import { css } from 'lit';

// Processor references are long and unbroken: they may break anywhere, but keep a readable width.
// Under 60rem the table is a list of cards, each value under its column's name; wide cards hold several per line.
export const historyStyles = css`
  :host {
    container-type: inline-size;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .filters div {
    flex: 1 1 9rem;
  }
  .banner,
  .state,
  table {
    margin-block-start: calc(var(--_space) * 2);
  }
  .success {
    border-color: var(--_success);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  [aria-busy='true'],
  [aria-disabled='true'] {
    opacity: 0.6;
  }
  th,
  td {
    padding: var(--_space);
    text-align: start;
    border-block-start: 1px solid var(--_border);
  }
  thead th {
    border: none;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  tbody th {
    font-weight: normal;
  }
  th .link {
    padding: 0;
  }
  .amount,
  .actions {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .amount,
  .date,
  .actions {
    white-space: nowrap;
  }
  .reference {
    min-inline-size: 8em;
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: 600;
  }
  .good {
    color: var(--_success);
  }
  .warn {
    color: var(--_warning);
  }
  .bad {
    color: var(--_danger);
  }
  .muted {
    color: var(--_text-muted);
  }
  .detail td {
    background: var(--_surface-muted);
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .lines li {
    display: flex;
    gap: calc(var(--_space) * 2);
  }
  .lines span:first-child {
    flex: 1;
  }
  dl {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: end;
    column-gap: calc(var(--_space) * 2);
  }
  dd {
    margin: 0;
  }
  .more {
    display: block;
    margin: calc(var(--_space) * 2) auto 0;
  }
  .export {
    position: relative;
  }
  .menu {
    position: absolute;
    z-index: 1;
    inset-inline-end: 0;
    display: grid;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog form {
    display: grid;
    gap: var(--_space);
  }
  @container (max-width: 60rem) {
    .card,
    .detail td {
      padding: calc(var(--_space) * 1.5);
    }
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      clip-path: inset(50%);
    }
    tr[part='row'] {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      gap: var(--_space) calc(var(--_space) * 2);
      margin-block-start: var(--_space);
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      /* Cards out of view skip style and layout. Until first shown they count as a little under the
         shortest card: one that shrank when shown would pull the page up under the reader. */
      content-visibility: auto;
      contain-intrinsic-size: auto 8rem;
    }
    th,
    td[data-label],
    .actions {
      padding: 0;
      border: none;
    }
    .amount,
    .actions {
      text-align: start;
    }
    tbody th,
    .reference,
    .actions {
      grid-column: 1 / -1;
    }
    tbody th {
      font-weight: 600;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.875em;
      color: var(--_text-muted);
    }
  }
`;
