import { config } from 'zod/v4/core';

// zod's compiled parsers probe for eval with `new Function` as each object schema is built, which
// the CSP (script-src 'self') reports as a violation; the interpreted parsers give the same answers
// without it. Imported first by main.tsx, so this runs before any module builds a schema. Only zod's
// core config is imported: the schemas themselves load with the pages that use them, not on first load.
config({ jitless: true });
