/**
 * A hash table from 32-bit unsigned keys (k-gram hashes) to small integers, open addressing with
 * linear probing over typed arrays. A `Map` keyed by such numbers stores most of them as heap
 * numbers (they exceed V8's small integers) and costs several times more per look-up; the class
 * tables of common code and fingerprint postings make a hundred thousand of them at 1,000
 * submissions.
 */
export class U32Table {
  private keys: Uint32Array;
  private vals: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < 2 * expected) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** The slot holding `key`, or the free slot where it would go. */
  private find(key: number): number {
    // Keys are already well mixed (k-gram hashes end with a MurmurHash3 finaliser); one more
    // multiply spreads any that are not.
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.used[slot] === 1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The value of `key`, or -1 when absent. */
  get(key: number): number {
    const slot = this.find(key);
    return this.used[slot] === 1 ? this.vals[slot] : -1;
  }

  /** Adds `delta` to the value of `key` (0 when absent) and returns the new value. */
  add(key: number, delta: number): number {
    let slot = this.find(key);
    if (this.used[slot] === 0) {
      if (2 * (this.size + 1) > this.keys.length) {
        this.grow();
        slot = this.find(key);
      }
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.vals[slot] = 0;
      this.size++;
    }
    return (this.vals[slot] += delta);
  }

  /** The value of `key`, after setting it to `value` when absent. */
  getOrSet(key: number, value: number): number {
    const v = this.get(key);
    if (v !== -1) return v;
    this.add(key, value);
    return value;
  }

  /** Calls `f` with every key and its value (in slot order: deterministic for the same insertions). */
  forEach(f: (key: number, value: number) => void): void {
    for (let s = 0; s < this.keys.length; s++) if (this.used[s] === 1) f(this.keys[s], this.vals[s]);
  }

  private grow(): void {
    const { keys, vals, used } = this;
    const cap = keys.length * 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let s = 0; s < keys.length; s++) {
      if (used[s] === 0) continue;
      const slot = this.find(keys[s]);
      this.used[slot] = 1;
      this.keys[slot] = keys[s];
      this.vals[slot] = vals[s];
    }
  }
}
