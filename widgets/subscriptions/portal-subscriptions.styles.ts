import { css } from 'lit';

export const subscriptionsStyles = css`
  .subscription + .subscription,
  .change,
  .requests {
    margin-block-start: calc(var(--_space) * 3);
    padding-block-start: calc(var(--_space) * 3);
    border-block-start: 1px solid var(--_border);
  }
  .plan-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  h4 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1em;
    font-weight: 600;
  }
  .plan-name {
    font-size: 1.125em;
    margin: 0;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space);
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge.active {
    color: var(--_success);
  }
  .badge.pending {
    color: var(--_warning);
  }
  .terms {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 3);
    margin: 0 0 calc(var(--_space) * 2.5);
  }
  .terms dt {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .terms dd {
    margin: 0;
    font-weight: 500;
  }
  .features {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: calc(var(--_space) * 2.5);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.feature {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 0.75);
  }
  li.feature + li.feature,
  li.request + li.request {
    border-block-start: 1px solid var(--_border);
  }
  .feature-price {
    color: var(--_text-muted);
  }
  .contact-ways {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block: calc(var(--_space) * 1.5);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: 36rem;
    margin-block-start: calc(var(--_space) * 2);
  }
  textarea {
    min-block-size: 6rem;
    resize: vertical;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  li.request {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding-block: var(--_space);
  }
  .request-title {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    font-weight: 500;
  }
`;
