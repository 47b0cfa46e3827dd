// zod/mini, with zod's English messages. The schemas a short run builds (answers files, results
// and history results, the evidence map, result summaries) use it: zod/mini builds a schema without
// binding a set of methods to it, which classic zod does for every schema, so building and parsing
// cost about half.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
