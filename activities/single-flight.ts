// Collapses concurrent identical look-ups in this process into one (an optimisation only: correctness across
// processes comes from QuickBooks' own name uniqueness and our adopt-on-duplicate rules).
export function singleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return (key: string, work: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = work().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
