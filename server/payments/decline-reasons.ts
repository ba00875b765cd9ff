import type { DeclineCode } from '../../contract/payment.ts';

/** Why a payment was declined, in words a customer can act on. */
export const declineReasons: Record<DeclineCode, string> = {
  card_declined: 'Your card was declined. Use another card, or ask your bank why.',
  insufficient_funds: 'The card has insufficient funds. Use another payment method.',
  expired_card: 'The card has expired. Add a current card and try again.',
  incorrect_cvc: 'The card’s security code (CVC) was wrong. Add the card again with the right code.',
  processing_error: 'The payment could not be processed. Try again later, or use another payment method.',
  account_closed: 'The bank account is closed. Use another payment method.',
};
