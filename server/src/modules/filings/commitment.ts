import crypto from 'node:crypto';

/** The seal of a signed commitment: any change to the text, the signer or the time breaks it. */
export function commitmentHash(text: string, signerName: string, signedAt: string): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([text, signerName, signedAt]))
    .digest('hex');
}
