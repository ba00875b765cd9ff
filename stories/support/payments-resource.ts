import type { PaymentMethod, PaymentMethodCreate, PaymentMethodList } from '../../contract/payment-method.ts';
import type { SandboxToken, SandboxTokenCreate } from '../../contract/sandbox-gateway.ts';
import type { Standing } from '../../contract/standing.ts';
import { paymentSucceeded } from '../fixtures/payment.ts';
import { cardAlreadyOnFile, defaultStillNeeded } from '../fixtures/problem.ts';
import { paidUp } from '../fixtures/standing.ts';
import { json, problemResponse } from './answers.ts';
import type { Routes } from './fixture-server.ts';

const brandByFirstDigit: Record<string, string> = { '3': 'amex', '4': 'visa', '5': 'mastercard' };

/**
 * The methods on file, the standing, the sandbox tokenizer and payments, remembering changes as the
 * server does: the first method becomes the default, the same card twice and removing the default
 * while others are on file are refused, and a payment settles the whole balance.
 */
export function paymentsResource(initialMethods: PaymentMethodList, initialStanding: Standing): Routes {
  let methods = initialMethods.data;
  let standing = initialStanding;
  const tokens = new Map<string, PaymentMethod>();
  const defaultFirst = () => [...methods.filter((method) => method.isDefault), ...methods.filter((method) => !method.isDefault)];
  return {
    'GET /v1/payment-methods': () => json({ data: defaultFirst(), nextCursor: null }),
    'GET /v1/standing': () => json(standing),
    'POST /sandbox-gateway/v1/tokens': async (request) => {
      const { card, bankAccount } = (await request.json()) as SandboxTokenCreate;
      const number = (card?.number ?? bankAccount?.accountNumber ?? '').replace(/\D/g, '');
      const answered: SandboxToken = {
        token: `tok_story${tokens.size + 1}`,
        kind: card ? 'card' : 'bank_account',
        brand: card ? (brandByFirstDigit[number[0] ?? ''] ?? null) : null,
        last4: number.slice(-4),
        expMonth: card?.expMonth ?? null,
        expYear: card?.expYear ?? null,
      };
      const { token, ...described } = answered;
      tokens.set(token, {
        ...described,
        id: `pm_story${tokens.size + 1}`,
        holderName: card?.name ?? bankAccount?.holderName ?? null,
        isDefault: false,
        isExpired: false,
        createdAt: new Date().toISOString(),
      });
      return json(answered, {}, 201);
    },
    'POST /v1/payment-methods': async (request) => {
      const { token } = (await request.json()) as PaymentMethodCreate;
      // The element only sends tokens this tokenizer answered.
      const method = tokens.get(token)!;
      if (methods.some((other) => other.kind === method.kind && other.last4 === method.last4)) return problemResponse(cardAlreadyOnFile);
      const added = { ...method, isDefault: methods.length === 0 };
      methods = [...methods, added];
      return json(added, {}, 201);
    },
    'POST /v1/payment-methods/{id}/default': (_, { id }) => {
      methods = methods.map((method) => ({ ...method, isDefault: method.id === id }));
      return json(methods.find((method) => method.id === id));
    },
    'DELETE /v1/payment-methods/{id}': (_, { id }) => {
      const isDefault = methods.find((method) => method.id === id)?.isDefault;
      if (isDefault && methods.length > 1) return problemResponse(defaultStillNeeded);
      methods = methods.filter((method) => method.id !== id);
      return new Response(null, { status: 204 });
    },
    'POST /v1/payments': () => {
      const payment = { ...paymentSucceeded, amount: standing.balanceDue };
      standing = paidUp;
      return json(payment, {}, 201);
    },
  };
}
