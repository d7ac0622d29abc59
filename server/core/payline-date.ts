/**
 * Payline's date formats (payline-api.md §3.11), written and read in a merchant's time zone.
 * Time is ms since the epoch; the zone is an IANA name, Europe/Paris unless given, and the
 * offsets come from Intl.DateTimeFormat, so they are exact on daylight-saving days.
 */

/** The zone Payline's dates are in when a merchant sets none. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** A wall-clock reading: what a clock in the zone shows. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The last reading per zone: an answer formats the same second several times, and Intl is slow. */
const lastReading = new Map<string, { second: number; wall: WallTime }>();

function wallTimeAt(ms: number, timeZone: string): WallTime {
  const second = Math.floor(ms / 1000);
  const last = lastReading.get(timeZone);
  if (last?.second === second) return last.wall;
  const wall = readWallTime(ms, timeZone);
  lastReading.set(timeZone, { second, wall });
  return wall;
}

function readWallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

/** The wall time read as if it were UTC (years below 100 included). */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** How far the zone's clocks are ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(wallTimeAt(wholeSeconds, timeZone)) - wholeSeconds;
}

/**
 * The instant the zone's clocks show `wall`. A time shown twice (autumn) is the earlier one;
 * a time skipped (spring) is read with the offset before the change, so 02:30 becomes 03:30.
 */
function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = wallAsUtc(wall);
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone);
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone);
  const shown = [before, after].filter((ms) => ms + offsetAt(ms, timeZone) === asUtc);
  return shown.length > 0 ? Math.min(...shown) : before;
}

const two = (n: number): string => String(n).padStart(2, '0');
const four = (n: number): string => String(n).padStart(4, '0');

/** `dd/mm/yyyy HH:mm:ss`: order.date as echoed, transaction.date. */
export function formatDateTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeAt(ms, timeZone);
  return `${two(w.day)}/${two(w.month)}/${four(w.year)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/** `dd/mm/yy HH:mm`: transaction.date in some services, wallet disableDate. */
export function formatShortDateTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeAt(ms, timeZone);
  return `${two(w.day)}/${two(w.month)}/${two(w.year % 100)} ${two(w.hour)}:${two(w.minute)}`;
}

/** `dd/mm/yyyy`: recurring.startDate, billingRecord.date, order.deliveryExpectedDate. */
export function formatDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeAt(ms, timeZone);
  return `${two(w.day)}/${two(w.month)}/${four(w.year)}`;
}

/** `yyyymmdd`: the BILL notification's billingRecordDate. */
export function formatCompactDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallTimeAt(ms, timeZone);
  return `${four(w.year)}${two(w.month)}${two(w.day)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The instant of `wall`, or undefined if no calendar has it (31/02, 24:00, month 13). */
function validInstant(wall: WallTime, timeZone: string): number | undefined {
  const { year, month, day, hour, minute, second } = wall;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return instantOf(wall, timeZone);
}

/** A wall time from its digit fields; missing time fields are 0 (midnight). */
function wallOf(year: number, fields: ReadonlyArray<string | undefined>): WallTime {
  const [day, month, hour, minute, second] = fields.map((field) => Number(field ?? '0'));
  return { year, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0 };
}

const DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const SHORT_DATE = /^(\d{2})\/(\d{2})\/(\d{2})$/;

/** Reads `dd/mm/yyyy HH:mm` or `dd/mm/yyyy HH:mm:ss` (order.date); undefined if malformed. */
export function parseDateTime(text: string, timeZone = DEFAULT_TIME_ZONE): number | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  return validInstant(wallOf(Number(m[3]), [m[1], m[2], m[4], m[5], m[6]]), timeZone);
}

/** Reads `dd/mm/yyyy` as that day's midnight (recurring.startDate); undefined if malformed. */
export function parseDate(text: string, timeZone = DEFAULT_TIME_ZONE): number | undefined {
  const m = DATE.exec(text);
  if (m === null) return undefined;
  return validInstant(wallOf(Number(m[3]), [m[1], m[2]]), timeZone);
}

/** Reads `dd/mm/yy` (yy → 20yy) as that day's midnight (differedActionDate); undefined if malformed. */
export function parseShortDate(text: string, timeZone = DEFAULT_TIME_ZONE): number | undefined {
  const m = SHORT_DATE.exec(text);
  if (m === null) return undefined;
  return validInstant(wallOf(2000 + Number(m[3]), [m[1], m[2]]), timeZone);
}
