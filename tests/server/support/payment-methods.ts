import type { PaymentMethod } from '../../../contract/payment-method.ts';
import type { SandboxTokenCreate } from '../../../contract/sandbox-gateway.ts';
import { call } from './requests.ts';
import type { TestApp } from './test-app.ts';

type App = TestApp['app'];

/** Card details that tokenize for `number` (one of the sandbox's test numbers); override any field. */
export const cardDetails = (number: string, overrides: Record<string, unknown> = {}) => ({
  card: { number, expMonth: 12, expYear: 2030, cvc: number.startsWith('37') ? '7391' : '739', name: 'Ada Admin', ...overrides },
});

export const bankAccountDetails = (accountNumber: string, overrides: Record<string, unknown> = {}) => ({
  bankAccount: { routingNumber: '110000000', accountNumber, holderName: 'Acme Inc.', ...overrides },
});

/** Tokenizes through the sandbox tokenizer route, as the browser does. */
export async function tokenize(app: App, details: SandboxTokenCreate): Promise<string> {
  const response = await call(app, 'POST', '/sandbox-gateway/v1/tokens', { body: details });
  if (response.status !== 201) throw new Error(`tokenizing: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

/** Tokenizes the details and puts the token on the signed-in user's account. */
export async function addPaymentMethod(app: App, userToken: string, details: SandboxTokenCreate): Promise<PaymentMethod> {
  const response = await call(app, 'POST', '/v1/payment-methods', { token: userToken, body: { token: await tokenize(app, details) } });
  if (response.status !== 201) throw new Error(`adding a payment method: ${response.status} ${await response.text()}`);
  return response.json();
}
