import { createMiddleware } from 'hono/factory';
import type { FieldError } from '../../contract/problem.ts';
import { ProblemError } from '../errors.ts';
import { isCardNumberShaped } from '../payments/card-number.ts';
import type { PortalEnv } from './env.ts';

/** Enough to show the client where; a body full of numbers does not make the answer huge. */
const maxReported = 20;

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let step: Visit | undefined = visit; step?.parent; step = step.parent) keys.push(step.key);
  return keys.reverse().join('.');
};

/**
 * Where a parsed JSON body carries something card-number-shaped, in a value or a key, as field paths
 * made only of the keys on the way (a key that is itself a number is reported as its object).
 * Walked with a stack of its own and parent links, so deep nesting costs neither the call stack nor
 * a copy of the path at every level.
 */
function findCardNumbers(body: unknown): string[] {
  const found = new Set<string>();
  const pending: Visit[] = [{ value: body, key: '', parent: undefined }];
  while (pending.length > 0 && found.size < maxReported) {
    const visit = pending.pop()!;
    if (isCardNumberShaped(visit.value)) {
      found.add(pathOf(visit));
    } else if (visit.value !== null && typeof visit.value === 'object') {
      for (const [key, value] of Object.entries(visit.value)) {
        if (isCardNumberShaped(key)) found.add(pathOf(visit));
        else pending.push({ value, key, parent: visit });
      }
    }
  }
  return [...found].sort();
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a JSON body that carries a card number anywhere: card numbers go to the payment
 * processor's tokenizer, so the portal never receives, logs or stores one. The answer names where,
 * never what. A body that is not JSON passes on, for the route to refuse.
 */
export const refuseCardNumbers = createMiddleware<PortalEnv>(async (c, next) => {
  const paths = findCardNumbers(parsedOrUndefined(await c.req.text()));
  if (paths.length > 0) {
    throw new ProblemError(422, 'validation', {
      detail:
        'Card numbers go to the payment processor’s tokenizer, never to the portal API: send the token it answers instead. Remove the card number from the fields listed in "errors".',
      errors: paths.map((path): FieldError => ({ path, message: 'This looks like a card number. The portal API never takes one.' })),
    });
  }
  await next();
});
