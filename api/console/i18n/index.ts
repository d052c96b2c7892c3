// The message catalogue: the language of a request (the session's, else Accept-Language, else English), and `t`
// to read a message with its values filled in, plus dates and numbers in that language's forms.
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, fr };

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The first supported language in an Accept-Language header, by quality; English when none is. */
export function negotiate(header: string | undefined): Locale {
  const ranked = (header ?? '').split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { language: tag.toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, index };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.language).find(isLocale) ?? 'en';
}

export type Values = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, values?: Values): string;
  /** `key_one` or `key_other` by the language's plural rules, with {count} filled in. */
  plural(key: string, count: number, values?: Values): string;
  date(value: Date): string;
  dateTime(value: Date): string;
  number(value: number): string;
}

const made = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  const known = made.get(locale);
  if (known) return known;
  const messages = catalogues[locale];
  const rules = new Intl.PluralRules(locale);
  const fill = (text: string, values?: Values) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  const numbers = new Intl.NumberFormat(locale);
  const translate: Translator = {
    locale,
    t: (key, values) => fill(messages[key] ?? key, values),
    plural: (key, count, values) => {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      const text = messages[`${key}_${form}` as MessageKey] ?? messages[`${key}_other` as MessageKey] ?? key;
      return fill(text, { count: numbers.format(count), ...values });
    },
    date: (value) => dates.format(value),
    dateTime: (value) => dateTimes.format(value),
    number: (value) => numbers.format(value),
  };
  made.set(locale, translate);
  return translate;
}
