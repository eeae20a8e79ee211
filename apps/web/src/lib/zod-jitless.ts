// The SPA's `zod`: vite.config.ts points every `import … from 'zod'` in the bundle here, so this
// module's body runs before any module that builds a schema, and zod loads only with the chunks that
// use it (no page on the first load does).
//
// zod's compiled parsers probe for eval with `new Function`, which the CSP (script-src 'self')
// reports as a violation; the interpreted parsers give the same answers without it
// (docs/runbooks/observability.md).
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z as default, z } from 'zod/v4';
