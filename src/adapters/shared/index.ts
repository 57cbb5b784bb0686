export { acceptAnyBody, readWire } from './wire-body.js';
export type { WireInput, WireFile } from './wire-body.js';
export { looseInt, looseBool, looseString } from './loose-scalars.js';
