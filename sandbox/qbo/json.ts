// JSON values as QuickBooks sends and receives them; request bodies are checked against these shapes.
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy through JSON: what leaves the store never aliases what stays in it. */
export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** Reads `a.b.c` from an object; references (`{ value, name }`) compare by their value. */
export function readPath(object: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = object;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    const key: string | undefined = Object.keys(current).find((k) => k.toLowerCase() === segment.toLowerCase());
    if (key === undefined) return undefined;
    current = current[key];
  }
  if (isObject(current) && 'value' in current) return current.value;
  return current;
}
