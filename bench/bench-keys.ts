import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

/**
 * The bench's host: an ES256 key pair, as a production portal verifies tokens with a public key
 * (a shared secret is for development only), and tokens minted with it.
 */
export async function createBenchKeys() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    publicKeyPem: await exportSPKI(publicKey),
    mintToken: (customer: string) =>
      new SignJWT({ customer })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(`${customer}-admin`)
        .setAudience('customer-portal')
        .setExpirationTime('2h')
        .sign(privateKey),
  };
}

export type BenchKeys = Awaited<ReturnType<typeof createBenchKeys>>;
