// The workflow bundle carries only what workflows run: every new workflow evaluates its modules, so a library
// pulled in by accident (the schema library behind the API's validation) costs CPU on every order.
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';

describe('the workflow bundle', () => {
  it('holds workflow code, pure domain rules and the Temporal workflow SDK, not the schema library', async () => {
    const code = await readFile(inject('workflowBundlePath'), 'utf8');
    const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"/gm)].map((m) => m[1]!);
    expect(modules.some((m) => m.startsWith('./workflows/'))).toBe(true);
    expect(modules.filter((m) => m.includes('node_modules/typebox/'))).toEqual([]);
    const ours = modules.filter((m) => m.startsWith('./') && !m.includes('node_modules/'));
    expect(ours.filter((m) => !/^\.\/(workflows|domain|control\/(ids|search-attributes))/.test(m))).toEqual([]);
  });
});
