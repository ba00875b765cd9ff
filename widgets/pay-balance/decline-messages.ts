import type { DeclineCode } from '../../contract/payment.ts';
import type { MessageKey } from '../i18n/messages-en.ts';

// Keyed by the contract's codes, so a code added there does not compile until it has a message here.
const declineMessages: Record<DeclineCode, MessageKey> = {
  card_declined: 'payBalance.decline.cardDeclined',
  insufficient_funds: 'payBalance.decline.insufficientFunds',
  expired_card: 'payBalance.decline.expiredCard',
  incorrect_cvc: 'payBalance.decline.incorrectCvc',
  processing_error: 'payBalance.decline.processingError',
  account_closed: 'payBalance.decline.accountClosed',
};

/** The catalogue's words for why a payment was declined; undefined for a code a newer server sends, whose own reason is shown instead. */
export const declineMessageKey = (code: string | null): MessageKey | undefined =>
  code !== null && Object.hasOwn(declineMessages, code) ? declineMessages[code as DeclineCode] : undefined;
