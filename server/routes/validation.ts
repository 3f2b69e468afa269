import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
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
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) throw new AppError(400, 'invalid_request', describe(result.error.issues));
  });
  if (target !== 'query') return validator;
  // `?q=a&q=b` reaches the schema as an array, which would be reported as "q is required"; say what is wrong instead.
  const once: MiddlewareHandler = async (c, next) => {
    const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
    if (repeated.length > 0) {
      const [name, values] = repeated[0];
      const shown = name.slice(0, 40);
      throw new AppError(400, 'invalid_request', `${shown}: sent ${values.length} times; send ${shown} once (one search per request).`);
    }
    return validator(c, next);
  };
  return once as unknown as typeof validator;
}
