export { signBody } from './signature.js';
export { sendRequest, backoffMs } from './send.js';
export type { SendResult } from './send.js';
export { OutboundPolicy, REFUSED_TARGET, isPublicAddress, parseOutboundAllow } from './outbound-policy.js';
