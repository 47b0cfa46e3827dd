// Reads a logo image and embeds it as a data: URI, so the report needs no other file.
import { statSync } from 'node:fs';
import { readUserBytes } from './files.js';
import { extname } from 'node:path';
import { InputError } from '../errors.js';

const types: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const maxBytes = 2 * 1024 * 1024;

export function readLogo(file: string): string {
  const type = types[extname(file).toLowerCase()];
  if (!type) throw new InputError(`${file}: a logo must be a .png, .jpg, .gif, .webp or .svg file`);
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new InputError(`${file}: cannot read the logo: no such file`);
  if (size > maxBytes) throw new InputError(`${file}: the logo is ${Math.round(size / 1024)} KiB; keep it under 2 MiB`);
  // Bounded again while reading: the size of a fifo or device says nothing about what it holds.
  return `data:${type};base64,${readUserBytes(file, maxBytes).toString('base64')}`;
}
