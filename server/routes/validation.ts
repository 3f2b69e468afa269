import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { AppError } from '../errors.js';

/** Describes zod issues as "messages.0.content: must not be empty" so the client knows what to fix. */
function describe(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/** zod validation for a request part; failures become a 400 with `invalid_request`. */
export function validate<T extends ZodType>(target: 'json' | 'query', schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new AppError(400, 'invalid_request', describe(result.error.issues));
  });
}
