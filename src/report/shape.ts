// The shape of the published result schema, as plain data: the key order of every object and the
// defaults of keys a report may leave out. The JSON format writes a report in that shape, which is
// exactly what parsing it through the schema gives (tests hold the two equal on every report they
// build), without building the schema on every run: building it and parsing a report through it
// cost `assess --format json` about 13 ms, a sixth of the command.
import type * as z from 'zod/v4/core';

/** 0: a value written as it is (a string, number, boolean or literal, or a tuple or union with no object inside). */
export type Shape = 0 | { object: [key: string, shape: Shape, defaultValue?: unknown][] } | { array: Shape } | { record: Shape };

/** The shape of a schema built from objects, arrays, records, nullable, optional and default values. */
export function shapeOf(schema: z.$ZodType): Shape {
  const def = schema._zod.def as z.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'object':
      return {
        object: Object.entries(def.shape as Record<string, z.$ZodType>).map(([key, value]) => {
          const d = value._zod.def as z.$ZodTypeDef & Record<string, unknown>;
          return d.type === 'default' ? [key, shapeOf(d.innerType as z.$ZodType), d.defaultValue] : [key, shapeOf(value)];
        }),
      };
    case 'array':
      return { array: shapeOf(def.element as z.$ZodType) };
    case 'record':
      return { record: shapeOf(def.valueType as z.$ZodType) };
    case 'nullable':
    case 'optional':
      return shapeOf(def.innerType as z.$ZodType);
    case 'union':
    case 'tuple': {
      const members = (def.type === 'union' ? def.options : def.items) as z.$ZodType[];
      // Which member a value matches is not followed: only members with no object inside.
      if (!members.every((m) => writtenAsIs(shapeOf(m)))) throw new Error(`shapeOf: a ${def.type} with objects inside is not supported`);
      return 0;
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
    case 'null':
      return 0;
    default:
      // A new kind of schema in the result model: teach shapeOf and conform about it.
      throw new Error(`shapeOf: schema type "${def.type}" is not supported`);
  }
}

/** True when no object (whose keys would need ordering) is inside values of this shape. */
function writtenAsIs(shape: Shape): boolean {
  return shape === 0 || ('array' in shape && writtenAsIs(shape.array)) || ('record' in shape && writtenAsIs(shape.record));
}

/** Pure: the value with its objects' keys in the shape's order and left-out defaults filled in. */
export function conform(value: unknown, shape: Shape): unknown {
  if (shape === 0 || value === null || value === undefined) return value;
  if ('array' in shape) return (value as unknown[]).map((v) => conform(v, shape.array));
  if ('record' in shape) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = conform(v, shape.record);
    return out;
  }
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner, defaultValue] of shape.object) {
    const v = from[key];
    if (v !== undefined) out[key] = conform(v, inner);
    // Defaults are JSON (the build writes the shape as JSON): a copy, so no two reports share one.
    else if (defaultValue !== undefined) out[key] = JSON.parse(JSON.stringify(defaultValue));
  }
  return out;
}
