/** Reading the fields of a form body that a plain text reader does not: ticked boxes sent more than once. */
import { formFields } from '../../../../../platform/web/index.ts';

/** Every value sent under a name (a box ticked, an option chosen), in order; none when it was not sent. */
export function sentList(body: unknown, field: string): string[] {
  const value = formFields(body)[field];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}
