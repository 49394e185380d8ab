import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { failureReason } from './failures.js';

/** Job payloads are validated like any other boundary; a malformed one can never succeed. */
export function parsePayload<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new UnrecoverableError(failureReason(new ValidationError(`bad job payload: ${problems}`)));
}
