import { z } from 'zod';

/** Record ids as Base44 issues them: opaque, URL-safe. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid id');
export const idParamsSchema = z.object({ id: recordIdSchema });
