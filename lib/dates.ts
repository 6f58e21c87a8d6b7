// Calendar days are ISO strings ("2026-11-25"); instants are Date. The zone is always explicit.

const MS_PER_DAY = 86_400_000;

// Note: building an Intl.DateTimeFormat costs about half a millisecond; keep one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

// The calendar day an instant falls on in a time zone.
export function isoDateInZone(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

// Whole calendar days from `from` to `to` (negative when `to` is earlier). DST cannot shift it.
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

// "Nov 25, 2026" for a calendar day, in the account's locale (no zone shift: it is a day, not an instant).
// One formatter per locale (see dayFormats): a reminder sweep formats days for thousands of rows.
const localeDayFormats = new Map<string, Intl.DateTimeFormat>();
function localeDayFormat(locale: string): Intl.DateTimeFormat {
  let format = localeDayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    localeDayFormats.set(locale, format);
  }
  return format;
}

// Formatting a day costs ~10 µs, an instant ~15 µs and a range ~90 µs (ICU); every list row shows
// two or three, every page the bell's alerts, and they repeat from row to row and request to
// request. So the text is kept per locale, zone and value, in a map that forgets its oldest entry
// when full.
const DATE_TEXTS_MAX = 20_000;
const dateTexts = new Map<string, string>();
function rememberedDateText(key: string, make: () => string): string {
  let text = dateTexts.get(key);
  if (text === undefined) {
    if (dateTexts.size >= DATE_TEXTS_MAX) dateTexts.delete(dateTexts.keys().next().value!);
    dateTexts.set(key, (text = make()));
  }
  return text;
}

export function formatDay(isoDate: string, locale: string): string {
  return rememberedDateText(`${locale}|${isoDate}`, () => localeDayFormat(locale).format(new Date(`${isoDate}T00:00:00Z`)));
}

// An instant shown in the account's time zone. One formatter per locale and zone: every page
// formats the bell's alerts with it, and building one was a large share of a page's CPU time.
const instantFormats = new Map<string, Intl.DateTimeFormat>();
export function formatInstant(instant: Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  return rememberedDateText(`${key}|${instant.getTime()}`, () => {
    let format = instantFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
      instantFormats.set(key, format);
    }
    return format.format(instant);
  });
}

// "Sep 1 – 30, 2026" for a span of calendar days, in the account's locale.
export function formatDayRange(start: string, end: string, locale: string): string {
  return rememberedDateText(`${locale}|${start}|${end}`, () => localeDayFormat(locale).formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`)));
}
