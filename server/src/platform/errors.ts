export interface FieldError {
  field: string;
  /** An i18n key (filled with the error's params) or a ready message. */
  message: string;
}

/** A domain error with a stable code; the HTTP edge maps it to a status and a localised message. */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    public readonly params: Record<string, string | number> = {},
    public readonly fields?: FieldError[],
  ) {
    super(code);
  }
}

export const notFound = (what = 'record') => new AppError('common.not_found', 404, { what });
export const forbidden = () => new AppError('common.forbidden', 403);
export const conflict = (code: string, params: Record<string, string | number> = {}) => new AppError(code, 409, params);
export const invalid = (fields: FieldError[]) => new AppError('common.validation_failed', 400, {}, fields);
/** A transition the state machine does not allow from the record's current state. */
export const badTransition = (from: string, action: string) => new AppError('common.bad_transition', 409, { from, action });
