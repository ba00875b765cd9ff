import { css } from 'lit';

/**
 * What every portal element shares: the theme tokens with their defaults, and the look of
 * headings, fields, buttons and states. Colours follow the host's `color-scheme` (light or
 * dark) through `light-dark()`; the font is the host's unless `--portal-font-family` says otherwise.
 *
 * Each `--portal-*` token is read once here into a private `--_*` variable, so an element's own
 * styles never repeat a fallback.
 */
export const baseStyles = css`
  :host {
    --_text: var(--portal-color-text, light-dark(#1f2328, #e6e8eb));
    --_text-muted: var(--portal-color-text-muted, light-dark(#57606a, #9ba5b3));
    --_surface: var(--portal-color-surface, light-dark(#ffffff, #16181d));
    --_surface-muted: var(--portal-color-surface-muted, light-dark(#f4f5f7, #20242c));
    --_border: var(--portal-color-border, light-dark(#d0d7de, #3a414d));
    --_accent: var(--portal-color-accent, light-dark(#1f5fd1, #7ea6ff));
    --_accent-text: var(--portal-color-accent-text, light-dark(#ffffff, #0b1020));
    --_danger: var(--portal-color-danger, light-dark(#b42318, #ff8f85));
    --_success: var(--portal-color-success, light-dark(#1a7f37, #5bd07a));
    --_warning: var(--portal-color-warning, light-dark(#8a5a00, #f0b44c));
    --_focus: var(--portal-color-focus, var(--_accent));
    --_radius: var(--portal-radius, 8px);
    --_space: calc(var(--portal-spacing, 8px) * var(--portal-density, 1));

    display: block;
    box-sizing: border-box;
    font-family: var(--portal-font-family, inherit);
    font-size: var(--portal-font-size, inherit);
    line-height: 1.5;
    color: var(--_text);
  }
  /* Not \`inherit\`: a page rule such as \`* { box-sizing: content-box }\` beats :host and would flow in. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }

  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2.5);
  }
  .card-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 2);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_text-muted);
  }

  button {
    font: inherit;
    min-block-size: 36px;
    min-inline-size: 36px;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.75);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button:hover {
    background: var(--_surface-muted);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_surface);
  }
  button.primary:hover,
  button.danger:hover {
    filter: brightness(1.08);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.link {
    border-color: transparent;
    background: none;
    color: var(--_accent);
    padding-inline: calc(var(--_space) * 0.5);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  label {
    display: block;
    font-weight: 500;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    inline-size: 100%;
    min-block-size: 40px;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
    margin-block-start: calc(var(--_space) * 0.5);
  }

  .state {
    display: grid;
    justify-items: start;
    gap: var(--_space);
  }
  .state.error {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 1.5);
  }
  .banner {
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface-muted);
  }
  .banner.error {
    border-color: var(--_danger);
  }
  .skeleton-line {
    display: block;
    block-size: 1.5em;
    margin-block: calc(var(--_space) * 0.5);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_surface-muted);
  }
  /* Ragged like text; the first child is the hidden "Loading…". */
  .skeleton-line:nth-child(3n + 2) {
    inline-size: 40%;
  }
  .skeleton-line:nth-child(3n + 4) {
    inline-size: 75%;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
