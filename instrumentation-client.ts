// Runs in the browser before any of the console's own modules (Next's instrumentation-client hook).
// Everything imported here is in the scripts of every page: keep it tiny.
import { makeZodJitless } from '@/lib/security/zod-jitless';

makeZodJitless();
