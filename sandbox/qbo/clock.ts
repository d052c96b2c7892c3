// One clock for tokens, limits and timestamps: an injectable base plus an offset tests can move.
export interface SandboxClock {
  now(): number;
  /** Moves the sandbox's time forward (or back) without touching the base clock. */
  advance(ms: number): void;
  readonly offsetMs: number;
}

export function createClock(base: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
    get offsetMs() {
      return offset;
    },
  };
}
