// Small pieces every page uses: forms with their CSRF token, labelled fields with their error beside them
// (aria-invalid and aria-describedby, so a screen reader reads the error with the field), health badges, notices.
import type { ConsoleContext } from '../context.js';
import { errorAt, type FieldErrors } from '../forms.js';
import type { Health } from '../health.js';
import { attr, html, type Html, type Renderable } from '../html.js';

export const csrfField = (ctx: ConsoleContext): Html => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;

/** A POST form: the CSRF token, and nothing to submit in a read-only console. */
export function postForm(ctx: ConsoleContext, action: string, body: Renderable, options: { className?: string; label?: string } = {}): Html {
  return html`<form method="post" action="${action}"${options.className ? html` class="${options.className}"` : ''}${options.label ? html` aria-label="${options.label}"` : ''}>${csrfField(ctx)}${body}</form>`;
}

export function submit(ctx: ConsoleContext, label: string, options: { className?: string; name?: string; value?: string } = {}): Html {
  return html`<button type="submit"${options.className ? html` class="${options.className}"` : ''}${options.name ? html` name="${options.name}" value="${options.value ?? ''}"` : ''}${attr('disabled', !ctx.canWrite)}>${label}</button>`;
}

export function formErrors(ctx: ConsoleContext, errors: FieldErrors | undefined): Html | '' {
  if (!errors) return '';
  return html`<div class="banner bad" role="alert"><p>${ctx.t.t('common.fixErrors')}</p>${errors.form ? html`<p>${errors.form}</p>` : ''}</div>`;
}

const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function described(id: string, hint: string | undefined, error: string | undefined): Html {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

function below(id: string, hint: string | undefined, error: string | undefined): Html {
  return html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}`;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'number' | 'url' | 'time' | 'date' | 'search';
  hint?: string;
  errors?: FieldErrors;
  /** Field paths whose errors show here (default: the name). */
  paths?: string[];
  required?: boolean;
  extra?: Html;
  /** The element id, when two forms on a page have a field of the same name. */
  id?: string;
}

export function textField(options: FieldOptions): Html {
  const id = options.id ?? fieldId(options.name);
  const error = errorAt(options.errors, ...(options.paths ?? [options.name]));
  return html`<div class="field"><label for="${id}">${options.label}</label>${below(id, options.hint, undefined)}
<input type="${options.type ?? 'text'}" id="${id}" name="${options.name}" value="${options.value ?? ''}"${attr('required', options.required)}${described(id, options.hint, error)}${options.extra ?? ''}>
${below(id, undefined, error)}</div>`;
}

export function textArea(options: FieldOptions): Html {
  const id = fieldId(options.name);
  const error = errorAt(options.errors, ...(options.paths ?? [options.name]));
  return html`<div class="field"><label for="${id}">${options.label}</label>${below(id, options.hint, undefined)}
<textarea id="${id}" name="${options.name}"${described(id, options.hint, error)}>${options.value ?? ''}</textarea>${below(id, undefined, error)}</div>`;
}

export interface Choice {
  value: string;
  label: string;
}

export function selectField(options: FieldOptions & { choices: Choice[] }): Html {
  const id = fieldId(options.name);
  const error = errorAt(options.errors, ...(options.paths ?? [options.name]));
  return html`<div class="field"><label for="${id}">${options.label}</label>${below(id, options.hint, undefined)}
<select id="${id}" name="${options.name}"${described(id, options.hint, error)}>${options.choices.map((c) => html`<option value="${c.value}"${attr('selected', c.value === options.value)}>${c.label}</option>`)}</select>
${below(id, undefined, error)}</div>`;
}

/** A group of radio buttons or checkboxes in a fieldset with its legend; the error is read with the group. */
export function choiceGroup(options: { legend: string; name: string; type: 'radio' | 'checkbox'; choices: (Choice & { checked: boolean; after?: Renderable })[]; errors?: FieldErrors; paths?: string[]; hint?: string }): Html {
  const id = fieldId(options.name);
  const error = errorAt(options.errors, ...(options.paths ?? [options.name]));
  return html`<fieldset id="${id}"${described(id, options.hint, error)}><legend>${options.legend}</legend>${below(id, options.hint, undefined)}
${options.choices.map((c, i) => html`<label class="choice"><input type="${options.type}" name="${options.name}" value="${c.value}" id="${id}-${i}"${attr('checked', c.checked)}> <span>${c.label}</span></label>${c.after ?? ''}`)}
${below(id, undefined, error)}</fieldset>`;
}

export function badge(health: Health): Html {
  return html`<div class="health"><span class="badge ${health.tone}">${health.label}</span>${health.details.length > 0 ? html`<ul>${health.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</div>`;
}

/** A value shown once with a copy button (the button's script reads the value from the element by id). */
export function secretValue(ctx: ConsoleContext, id: string, value: string, copyLabel: string): Html {
  return html`<div class="secret"><code id="${id}">${value}</code>
<button type="button" class="secondary" data-copy-target="${id}" data-copied-text="${ctx.t.t('common.copied')}" data-copy-failed-text="${ctx.t.t('common.copyFailed')}">${copyLabel}</button></div>`;
}

/** A table that stacks into label: value rows on narrow screens. */
export function table(headers: string[], rows: Renderable[][], options: { caption?: string } = {}): Html {
  return html`<div class="table-wrap"><table class="stack">${options.caption ? html`<caption class="visually-hidden">${options.caption}</caption>` : ''}
<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => html`<td data-label="${headers[i] ?? ''}">${cell}</td>`)}</tr>`)}</tbody></table></div>`;
}
