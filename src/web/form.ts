import type { z } from 'zod';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';
import type { FieldErrors } from './components.tsx';
import type { AppContext } from './context.ts';

/** Raised when a body cannot be read as a form at all (wrong content type, broken encoding). */
export class UnreadableFormError extends Error {}

/** The submitted form's text fields (the last value wins for a repeated name; files are ignored). */
export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type))
    throw new UnreadableFormError(type);
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new UnreadableFormError('unparseable');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') fields[key] = last;
  }
  // PostgreSQL text cannot hold NUL: a field carrying one would reach a query and fail with a 500.
  if (Object.values(fields).some((v) => v.includes('\u0000'))) throw new UnreadableFormError('NUL');
  return fields;
}

export type FormResult<T> =
  | { ok: true; data: T; raw: Record<string, string> }
  | { ok: false; errors: FieldErrors; raw: Record<string, string> };

/**
 * Parses the form with a zod schema whose messages are i18n keys, and translates the first problem of each
 * field for the page. The raw values come back too so the page can show what was typed (never passwords).
 */
export async function parseForm<S extends z.ZodType>(
  c: AppContext,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const raw = await readForm(c);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, raw };
  const t = c.get('t');
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const key = isMessageKey(issue.message) ? (issue.message as MessageKey) : 'form.required';
    errors[field] = t(key);
  }
  return { ok: false, errors, raw };
}
