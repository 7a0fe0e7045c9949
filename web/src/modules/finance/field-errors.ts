import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api';

/** The server names amounts in fen; the forms ask for yuan. Shows a 400's messages under the right fields. */
export function showFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError) || e.fields.length === 0) return false;
  const name = (f: string) => (f === 'amountFen' || f === 'approvedFen' ? 'amountYuan' : f);
  form.setFields(e.fields.map((f) => ({ name: name(f.field) as never, errors: [f.message] })));
  return true;
}
