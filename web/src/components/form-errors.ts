import type { FormInstance } from 'antd';
import { ApiError } from '../app/api';

/** Maps the server's per-field error paths (e.g. `grants.0.regionCode`) to antd Form name paths. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Shows a 400's per-field messages under the form's fields; false when the error carries none. */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  form.setFields(error.fields.map((f) => ({ name: fieldPath(f.field) as never, errors: [f.message] })));
  return true;
}
