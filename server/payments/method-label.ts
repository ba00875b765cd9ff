const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** How a customer recognises a payment method in their history: "Visa ·· 4242", "Bank account ·· 6789". */
export function methodLabel(method: { kind: 'card' | 'bank_account'; brand: string | null; last4: string }): string {
  const name = method.kind === 'bank_account' ? 'Bank account' : (brandNames[method.brand ?? ''] ?? 'Card');
  return `${name} ·· ${method.last4}`;
}
