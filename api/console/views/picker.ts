// The searchable picker over one of QuickBooks' own lists (thousands of entries): a search box that asks the
// company as you type (htmx, 300 ms after the last key) and a list of radio buttons with the first 100 matches.
// The box belongs to a small GET form of its own, so Enter searches (with or without script) instead of saving.
import type { LookupEntry, LookupKind } from '../../../quickbooks/ledger/index.js';
import type { ConsoleContext } from '../context.js';
import { errorAt, type FieldErrors } from '../forms.js';
import { attr, html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/index.js';

/** QuickBooks' own lists, or `people`: the employees, vendors and other names of the last lists import. */
export type PickList = LookupKind | 'people';

export interface PickerState {
  /** The form field the chosen id is posted as. */
  field: string;
  list: PickList;
  /** Where results come from: GET …/pick/:list. */
  pickUrl: string;
  /** The page the search form reloads (with ?q=) when there is no script. */
  pageUrl: string;
  /** Query parameters the page needs besides q (e.g. the mapping being edited). */
  pageParams?: Record<string, string>;
  search: string;
  current?: { id: string; name: string | null } | null;
  /** Offer a "none" choice (clearing the mapping). */
  allowNone?: boolean;
  errors?: FieldErrors;
  /** What the choice is for, when more than "choose from the list" (e.g. the tax item). */
  legend?: string;
}

const listKey = (list: PickList) => `list.${list}` as MessageKey;
const idFor = (field: string) => `pick-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The results: a count (announced) and one radio button per match. */
export function pickerResults(ctx: ConsoleContext, field: string, results: LookupEntry[] | { error: string }, currentId?: string): Html {
  const { t } = ctx;
  if (!Array.isArray(results)) return html`<p class="field-error" role="status">${t.t('picker.unavailable', { reason: results.error })}</p>`;
  const id = idFor(field);
  return html`<p class="count" role="status">${results.length === 0 ? t.t('picker.none') : t.plural('picker.results', results.length)}</p>
<div class="results" role="group" aria-label="${t.plural('picker.results', results.length)}">${results.map((r, i) => html`<label class="choice"><input type="radio" name="${field}" value="${r.id}" id="${id}-r${i}"${attr('checked', r.id === currentId)}> <span>${r.name}${r.type ? html` <span class="hint">(${r.type})</span>` : ''}${r.active ? '' : html` <span class="hint">(${t.t('picker.inactive')})</span>`}</span></label>`)}</div>`;
}

/** The standalone search form; render it outside (before) the form the picker sits in. */
export function pickerSearchForm(state: PickerState): Html {
  const id = idFor(state.field);
  return html`<form id="${id}-search" method="get" action="${state.pageUrl}" class="offscreen" aria-hidden="true">${Object.entries(state.pageParams ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}</form>`;
}

/** The picker itself, inside the form that saves the choice. */
export function picker(ctx: ConsoleContext, state: PickerState, results: LookupEntry[] | { error: string }): Html {
  const { t } = ctx;
  const id = idFor(state.field);
  const list = t.t(listKey(state.list));
  const error = errorAt(state.errors, state.field);
  const query = new URLSearchParams({ field: state.field, ...(state.current ? { current: state.current.id } : {}) }).toString();
  const currentInResults = Array.isArray(results) && results.some((r) => r.id === state.current?.id);
  return html`<fieldset class="picker" id="${id}"${error ? html` aria-describedby="${id}-error" aria-invalid="true"` : ''}>
<legend>${state.legend ?? t.t('picker.choose', { list })}</legend>
${state.current ? html`<p class="hint">${t.t('picker.current', { name: state.current.name ?? state.current.id })}</p>` : ''}
<label for="${id}-q">${t.t('picker.search', { list })}</label>
<p class="hint" id="${id}-q-hint">${t.t('picker.hint')}</p>
<input type="search" id="${id}-q" name="q" value="${state.search}" form="${id}-search" autocomplete="off" aria-describedby="${id}-q-hint" aria-controls="${id}-results"
 hx-get="${state.pickUrl}?${query}" hx-trigger="input changed delay:300ms, search" hx-target="#${id}-results" hx-swap="innerHTML" hx-push-url="false" hx-sync="this:replace">
${state.current && !currentInResults ? html`<label class="choice"><input type="radio" name="${state.field}" value="${state.current.id}" checked> <span>${t.t('picker.keep')}</span></label>` : ''}
${state.allowNone ? html`<label class="choice"><input type="radio" name="${state.field}" value=""${attr('checked', !state.current)}> <span>${t.t('picker.clear')}</span></label>` : ''}
<div id="${id}-results">${pickerResults(ctx, state.field, results, state.current?.id)}</div>
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
</fieldset>`;
}
