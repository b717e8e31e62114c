import type { Language } from './dictionary';

// Thai dates in the Buddhist era (th-TH's default calendar), times in Bangkok, as Thai government services show them.
const LOCALE: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };
const TIME_ZONE = 'Asia/Bangkok';

/** A calendar date (`YYYY-MM-DD`), never shifted by a time zone. */
export function formatDate(language: Language, date: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(language: Language, instant: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(instant));
}

export function formatBaht(language: Language, amount: number): string {
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: 'THB', maximumFractionDigits: 2 }).format(amount);
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 }).format(value);
}

/** A national ID as printed on the card: 1-2345-67890-12-3. */
export function formatNationalId(id: string): string {
  return /^\d{13}$/.test(id) ? `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}` : id;
}
