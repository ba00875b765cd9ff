import { css } from 'lit';

export const customerInfoStyles = css`
  .key-panel {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2.5);
    border-radius: var(--_radius);
    background: var(--_surface-muted);
  }
  .key-label {
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
  }
  .key-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .key {
    font-family: var(--portal-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 1.35em;
    font-weight: 600;
    letter-spacing: 0.06em;
    user-select: all;
  }
  .sections {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: calc(var(--_space) * 2.5);
  }
  .contact + .contact {
    margin-block-start: var(--_space);
  }
  address {
    font-style: normal;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 2.5);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) calc(var(--_space) * 2);
  }
  legend {
    font-weight: 600;
    padding-inline: calc(var(--_space) * 0.5);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) * 1.5);
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .contact-row {
    display: grid;
    gap: var(--_space);
  }
  .contact-row + .contact-row {
    margin-block-start: calc(var(--_space) * 2);
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
  }
  .contact-row-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .add-contact {
    margin-block-start: calc(var(--_space) * 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
