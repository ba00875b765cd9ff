/**
 * A US bank routing (ABA) number: nine digits whose check digit makes
 * 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10.
 */
export function isValidRoutingNumber(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(routingNumber[index]) * weights[index % 3]!;
  return sum % 10 === 0;
}
