// Webhook fault mode (the sandbox's, not Intuit's): drop, duplicate or reorder deliveries so that a receiver
// can be tested through a storm. A number ≥ 1 counts the next deliveries; between 0 and 1 it is a probability.
import { randomInt } from 'node:crypto';

export interface WebhookFaultSpec {
  /** Deliveries never sent (lost): a count (1, 2, …) or a probability (0 < p < 1). */
  drop?: number;
  /** Deliveries sent twice (same body, signature and event ids): a count or a probability. */
  duplicate?: number;
  /** Events leave each delivery in reverse order, and two waiting deliveries swap places. */
  reorder?: boolean;
  /** Seed for the probabilities, for repeatable runs. */
  seed?: number;
}

interface Rule {
  remaining: number | null;
  probability: number;
}

function rule(value: number | undefined, name: string): Rule | null {
  if (value === undefined || value === 0) return null;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a count (1, 2, …) or a probability between 0 and 1`);
  if (value < 1) return { remaining: null, probability: value };
  if (!Number.isInteger(value)) throw new Error(`${name} above 1 must be a whole count`);
  return { remaining: value, probability: 1 };
}

/** mulberry32: small, seedable, good enough to pick which deliveries misbehave. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class WebhookFaultMode {
  private drop: Rule | null = null;
  private duplicate: Rule | null = null;
  private random: () => number = generator(randomInt(0, 2 ** 31));
  reorder = false;

  set(spec: WebhookFaultSpec): void {
    const drop = rule(spec.drop, 'drop');
    const duplicate = rule(spec.duplicate, 'duplicate');
    this.drop = drop;
    this.duplicate = duplicate;
    this.reorder = spec.reorder === true;
    this.random = generator(spec.seed ?? randomInt(0, 2 ** 31));
  }

  clear(): void {
    this.drop = null;
    this.duplicate = null;
    this.reorder = false;
  }

  takeDrop(): boolean {
    return this.take('drop');
  }

  takeDuplicate(): boolean {
    return this.take('duplicate');
  }

  describe(): { drop: Rule | null; duplicate: Rule | null; reorder: boolean } {
    return { drop: this.drop && { ...this.drop }, duplicate: this.duplicate && { ...this.duplicate }, reorder: this.reorder };
  }

  private take(which: 'drop' | 'duplicate'): boolean {
    const current = this[which];
    if (!current) return false;
    if (current.remaining !== null) {
      current.remaining -= 1;
      if (current.remaining <= 0) this[which] = null;
      return true;
    }
    return this.random() < current.probability;
  }
}
