import type { RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** An antd Form rule that checks a field with the contract's zod schema; its message keys live in common.json. */
export function zodRule(schema: z.ZodType, t: TFunction): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success)
        throw new Error(
          t(r.error.issues[0]?.message ?? 'validation.invalid', { ns: 'common', defaultValue: t('common:validation.invalid') }),
        );
    },
  };
}
