import { css } from 'lit';

export const accessStyles = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 30rem) {
    .card {
      padding: calc(var(--_space) * 1.5);
    }
    th,
    td {
      padding-inline: calc(var(--_space) * 0.75);
    }
  }

  .intro {
    max-inline-size: 70ch;
    margin-block-end: calc(var(--_space) * 2);
    color: var(--_text-muted);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_space) * 1.25) var(--_space);
    text-align: start;
    vertical-align: top;
    border-block-start: 1px solid var(--_border);
  }
  th:first-child,
  td:first-child {
    padding-inline-start: 0;
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  thead th {
    border-block-start: none;
    padding-block-start: 0;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_text-muted);
  }
  tbody th {
    inline-size: 45%;
    font-weight: normal;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: calc(var(--_space) * 0.75);
  }
  .name {
    font-weight: 600;
  }
  .you,
  .email,
  .detail {
    color: var(--_text-muted);
  }
  .email,
  .detail {
    font-size: 0.9em;
  }
  .email,
  .name {
    overflow-wrap: anywhere;
  }
  .badge {
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-muted);
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
  }

  .status {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 28px;
  }
  .detail {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .follow-up td {
    border-block-start: none;
    padding-block-start: 0;
  }
  .lock {
    inline-size: 16px;
    block-size: 16px;
    fill: currentColor;
    color: var(--_text-muted);
  }

  button[role='switch'] {
    position: relative;
    flex: none;
    inline-size: 44px;
    min-inline-size: 44px;
    block-size: 26px;
    min-block-size: 26px;
    padding: 0;
    border-radius: 999px;
    border: 1px solid var(--_text-muted);
    background: var(--_surface-muted);
  }
  button[role='switch'][aria-checked='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  button[role='switch'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  .thumb {
    position: absolute;
    inset-block-start: 3px;
    inset-inline-start: 3px;
    inline-size: 18px;
    block-size: 18px;
    border-radius: 50%;
    background: var(--_text-muted);
  }
  [aria-checked='true'] .thumb {
    inset-inline-start: 21px;
    background: var(--_accent-text);
  }
  @media (prefers-reduced-motion: no-preference) {
    .thumb {
      transition: inset-inline-start 120ms ease-out;
    }
  }
  @media (forced-colors: active) {
    .thumb {
      background: ButtonText;
    }
    [aria-checked='true'] .thumb {
      background: Highlight;
    }
  }

  .row-error {
    color: var(--_danger);
  }
  .confirm {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-muted);
    border-radius: calc(var(--_radius) * 0.5);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .empty {
    margin-block-start: calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
`;
