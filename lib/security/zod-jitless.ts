// zod compiles object parsers with `new Function` unless told not to; under the documents' CSP (no
// 'unsafe-eval', proxy.ts) its probe for that is refused, and the refusal is reported as a violation
// even though zod catches it. Parsing without compilation costs microseconds on a form.
// zod keeps its settings in one object shared by every copy of it, `globalThis.__zod_globalConfig`,
// and adopts the one it finds (zod/v4/core/core.js). Setting it here, before any zod module runs,
// rather than calling `config()` from 'zod', keeps zod out of the scripts every page loads
// (instrumentation-client.ts is in them): only the forms parse on the client.

interface ZodGlobal {
  __zod_globalConfig?: Record<string, unknown>;
}

export function makeZodJitless(target: object = globalThis): void {
  const host = target as ZodGlobal;
  // The same object, if zod (or another copy of it) already made it: zod holds on to it.
  if (host.__zod_globalConfig) host.__zod_globalConfig.jitless = true;
  else host.__zod_globalConfig = { jitless: true };
}
