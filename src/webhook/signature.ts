import { createHmac } from 'node:crypto';

/** The signature header value of a delivery: `sha256=<hex HMAC-SHA256 of the body with the secret>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
