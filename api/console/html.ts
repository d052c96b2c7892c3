// HTML from tagged templates, escaped by default: every interpolated value is escaped unless it is itself an
// `Html` made by this tag (or `raw`, kept for the few trusted constants). Arrays are joined; null, undefined and
// false render nothing, so `${cond && html`…`}` reads naturally.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Renderable = Html | string | number | boolean | null | undefined | Renderable[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup only (constants written here, never data). */
export function raw(text: string): Html {
  return new Html(text);
}

/** An attribute that is present or absent: `${attr('checked', on)}`. */
export function attr(name: string, on: boolean | undefined): Html {
  return new Html(on ? ` ${name}` : '');
}
