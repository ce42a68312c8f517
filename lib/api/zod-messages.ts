import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export function firstIssueMessage(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Invalid input';
  const field = first.path.join('.');
  return field ? `${field}: ${first.message}` : first.message;
}
