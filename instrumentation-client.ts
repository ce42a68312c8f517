// Runs in the browser before any of the console's own modules (Next's instrumentation-client hook).
// zod compiles object parsers with `new Function` unless told not to; under the documents' CSP (no
// 'unsafe-eval', proxy.ts) its probe for that is refused, and the refusal is reported as a violation
// even though zod catches it. Parsing without compilation costs microseconds on a form.
import { config } from 'zod';

config({ jitless: true });
