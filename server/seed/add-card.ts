import { PaymentMethod } from '../../contract/payment-method.ts';
import { type SandboxCard, SandboxToken } from '../../contract/sandbox-gateway.ts';
import type { SeedContext } from './demo-account.ts';
import type { DemoUser } from './demo-token.ts';

/** Puts a card on file as <portal-payment-methods> does: details to the tokenizer, its token to the portal API. */
export async function addCard(context: SeedContext, user: DemoUser, card: Omit<SandboxCard, 'expYear'>): Promise<PaymentMethod> {
  // Three years past the demo's today: valid through the demo year and long after it.
  const expYear = Number(context.today.slice(0, 4)) + 3;
  const { token } = await context.gateway.post('/sandbox-gateway/v1/tokens', SandboxToken, { card: { ...card, expYear } });
  return (await context.asUser(user)).post('/v1/payment-methods', PaymentMethod, { token });
}
