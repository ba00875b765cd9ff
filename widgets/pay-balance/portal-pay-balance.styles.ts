import { css } from 'lit';

export const payBalanceStyles = css`
  .amount {
    margin-block-end: calc(var(--_space) * 2);
    font-size: 1.75em;
    font-weight: 600;
  }
  fieldset {
    min-inline-size: 0;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: none;
  }
  legend {
    margin-block-end: var(--_space);
    font-weight: 600;
  }
  label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: normal;
  }
  label:has(:checked) {
    border-color: var(--_accent);
  }
  input {
    inline-size: 20px;
    min-block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .banner {
    margin-block-end: calc(var(--_space) * 2);
  }
  .banner.success {
    border-color: var(--_success);
  }
`;
