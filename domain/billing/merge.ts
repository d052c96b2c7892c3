// Merging billed lines into an invoice someone else wrote: lines whose item is one of the synced offers' items
// are replaced (ours take the place of the first of them), lines we add go at the end when there was none, and
// every other line stays exactly where and as it was.

export type MergedLine<Existing, Added> = { keep: Existing } | { add: Added };

export function mergeInvoiceLines<Existing extends { itemId?: string }, Added>(existing: readonly Existing[], replaceItemIds: ReadonlySet<string>, added: readonly Added[]): MergedLine<Existing, Added>[] {
  const out: MergedLine<Existing, Added>[] = [];
  let placed = false;
  for (const line of existing) {
    if (line.itemId !== undefined && replaceItemIds.has(line.itemId)) {
      if (!placed) out.push(...added.map((add) => ({ add })));
      placed = true;
      continue;
    }
    out.push({ keep: line });
  }
  if (!placed) out.push(...added.map((add) => ({ add })));
  return out;
}

/** A quantity as a canonical decimal string ("2.0000" and 2 → "2", "-0.66670" → "-0.6667"). */
export function canonicalQuantity(value: string | number | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const whole = match[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return match[1] && body !== '0' ? `-${body}` : body;
}
