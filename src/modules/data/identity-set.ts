/**
 * The identities (indicator, area, period) seen in one import, with the line each was first seen on,
 * to refuse a second row for the same identity. Held in typed arrays (open addressing), not a Set:
 * a file of 25 million rows fits in ~12 bytes a row and never meets a Set's 2^24 entry limit.
 * Pure.
 */
import { ValidationError } from '../../platform/errors.ts';

/** Areas per import: 2^24 (the UK has ~40,000 wards and LSOAs). */
export const MAX_AREAS = 1 << 24;
/** (indicator, period) pairs per import: 2^29. */
export const MAX_PAIRS = 1 << 29;

export class IdentitySet {
  private keys: Float64Array;
  private lines: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let size = 1;
    while (size < initialCapacity * 2) size <<= 1;
    this.keys = new Float64Array(size);
    this.lines = new Uint32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Records the identity; returns the line it was first seen on, or 0 when it is new. */
  add(pair: number, area: number, line: number): number {
    if (pair >= MAX_PAIRS || area >= MAX_AREAS) {
      throw new ValidationError('The file is too large to check', [
        { reason: `more than ${MAX_AREAS} areas or ${MAX_PAIRS} indicator-period pairs in one import` },
      ]);
    }
    const key = pair * MAX_AREAS + area + 1; // 0 marks an empty slot
    let slot = hash(pair, area) & this.mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === 0) break;
      if (found === key) return this.lines[slot]!;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.lines[slot] = line;
    if (++this.count * 10 > this.keys.length * 7) this.grow();
    return 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Uint32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === 0) continue;
      const pair = Math.floor((key - 1) / MAX_AREAS);
      let slot = hash(pair, key - 1 - pair * MAX_AREAS) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.lines[slot] = oldLines[i]!;
    }
  }
}

function hash(pair: number, area: number): number {
  let h = Math.imul(pair ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(area + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2d);
  return (h ^ (h >>> 15)) >>> 0;
}
