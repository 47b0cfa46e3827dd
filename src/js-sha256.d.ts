// The plain JavaScript build of js-sha256, which src/hash.ts uses for short texts. The package's
// own types cover its main entry, which on Node wraps node:crypto (what hash.ts avoids loading).
declare module 'js-sha256/build/sha256.cjs' {
  const sha256: { hex(message: string | Uint8Array): string };
  export default sha256;
}
