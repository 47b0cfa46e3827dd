// What an applied client overlay added, changed and ignored: owned by the checklist, carried into
// every report (and its saved result), so written in zod/mini like the rest of the result.
import * as z from '../zod-mini.js';

export const AppliedOverlay = z.strictObject({
  id: z.string(),
  file: z.string(),
  sha256: z.string(),
  added: z.array(z.string()),
  changed: z.array(z.strictObject({ id: z.string(), fields: z.array(z.string()) })),
  ignored: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
});
export type AppliedOverlay = z.infer<typeof AppliedOverlay>;
