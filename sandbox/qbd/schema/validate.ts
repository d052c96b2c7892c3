// Validates an ordered XML tree against a compiled qbXML schema. Structure problems (unknown or misordered
// elements, missing required ones, bad attributes) are what QuickBooks rejects as a parse error for the whole
// message; value problems (a too-long string, a malformed amount or date) QuickBooks reports per request with a
// status code, so they are returned separately with the path to the offending element.
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import type { CompiledSchema, ElementDecl, ValueProblem } from './compile.js';

export interface SchemaIssue {
  severity: 'structure' | 'value';
  /** Element names from the root to the offending element. */
  path: string[];
  /** Indexes of each node in its parent's children (same length as path; root is 0). */
  indexes: number[];
  message: string;
  problem?: ValueProblem;
  typeName?: string;
  field: string;
  value?: string;
}

/** Validates `root` as the global element of the same name; collects every issue (structure ones stop descent). */
export function validateTree(schema: CompiledSchema, root: XNode): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const decl = schema.element(root.name);
  if (!decl) {
    issues.push({ severity: 'structure', path: [root.name], indexes: [0], field: root.name, message: `Unknown root element ${root.name}` });
    return issues;
  }
  visit(decl, root, [root.name], [0], issues);
  return issues;
}

function visit(decl: ElementDecl, node: XNode, path: string[], indexes: number[], issues: SchemaIssue[]): void {
  const structure = (message: string): void => {
    issues.push({ severity: 'structure', path, indexes, field: node.name, message });
  };
  if (decl.simple) {
    if (node.children.length) return structure(`Element ${node.name} must not contain elements`);
    if (Object.keys(node.attrs).length) return structure(`Element ${node.name} takes no attributes`);
    const problem = decl.simple(node.text);
    if (problem) {
      const severity = problem.kind === 'enum' ? 'structure' : 'value';
      issues.push({ severity, path, indexes, field: node.name, value: node.text, problem, message: `${node.name}: ${problem.message}`, ...(decl.typeName ? { typeName: decl.typeName } : {}) });
    }
    return;
  }
  const type = decl.complex;
  if (!type) return;
  for (const [name, value] of Object.entries(node.attrs)) {
    const attr = type.attributes.get(name);
    if (!attr) return structure(`Attribute ${name} is not allowed on ${node.name}`);
    const problem = attr.check(value);
    if (problem) return structure(`Attribute ${name} of ${node.name}: ${problem.message}`);
  }
  for (const attr of type.attributes.values()) {
    if (attr.required && node.attrs[attr.name] === undefined) return structure(`Attribute ${attr.name} is required on ${node.name}`);
  }
  if (type.text) {
    if (node.children.length) return structure(`Element ${node.name} must not contain elements`);
    const problem = type.text(node.text);
    if (problem) issues.push({ severity: 'value', path, indexes, field: node.name, value: node.text, problem, message: `${node.name}: ${problem.message}` });
    return;
  }
  if (node.text.trim()) return structure(`Element ${node.name} must not contain text`);
  const sequence = node.children.map((c) => `${c.name},`).join('');
  const matches = type.pattern ? type.pattern.test(sequence) : sequence === '';
  if (!matches) {
    return structure(`Children of ${node.name} (${node.children.map((c) => c.name).join(', ') || 'none'}) do not match ${type.model}`);
  }
  node.children.forEach((c, i) => {
    const childDecl = type.elements.get(c.name);
    if (childDecl) visit(childDecl, c, [...path, c.name], [...indexes, i], issues);
  });
}
