// Small formatting helpers. Dates are shown in UTC, as the server writes them in its messages.

const pad = (n: number): string => (n < 10 ? '0' + n : String(n));

export function toDate(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return isNaN(date.getTime()) ? null : date;
}

/** "2026-11-25 09:00 UTC", the server's format. */
export function formatUtc(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return '';
  return `${formatDay(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-11-25": date-only columns come as "yyyy-MM-dd" and stay as they are. */
export function formatDay(value: string | Date | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = toDate(value);
  if (!d) return '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Record ids come with or without braces and in either case; Web API filters want them bare. */
export function bareId(id: string | null | undefined): string {
  return (id ?? '').replace(/[{}]/g, '').toLowerCase();
}

const TELL_ADMIN = 'Reload the form; if it happens again, tell your administrator.';

/**
 * What a user is told when a read fails (the one place that words it): the server's own message, word for word (a
 * CrmCollab refusal keeps its [CRMC-…] code), from the { errorCode, message } objects Xrm.WebApi rejects with or an
 * Error. A failure without a message gets a sentence with its error code, and a script error of the page (TypeError
 * and the like) one without its technical text: never "[object Object]", "undefined" or a type name.
 */
export function errorMessage(error: unknown): string {
  const scriptError =
    error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError || error instanceof RangeError;
  if (scriptError) return `the page could not read the answer. ${TELL_ADMIN}`;
  const message = typeof error === 'string' ? error : (error as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  const code = (error as { errorCode?: unknown } | null | undefined)?.errorCode;
  return `the server gave no reason${typeof code === 'number' ? ` (error code ${code})` : ''}. ${TELL_ADMIN}`;
}

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** The display text of a lookup or choice column in a Web API row. */
export function formatted(row: Record<string, unknown>, column: string): string {
  const value = row[column + FORMATTED];
  return typeof value === 'string' ? value : '';
}
