import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.js';
import type { Detector } from '../../src/detectors/types.js';
import { maxFileBytes } from '../../src/scan/read-file.js';
import { scanRepository } from '../../src/scan/scan.js';
import { maskSecrets } from '../../src/scan/secrets.js';
import { fixture, repoRoot, tempDir } from '../helpers/cli.js';

const summary = (dir: string) => {
  const r = scanRepository(dir);
  return { tools: r.tools.map((t) => t.id), findings: r.findings.map((f) => [f.id, f.kind, f.severity, f.failureMode, f.line ? `${f.path}:${f.line}` : f.path]) };
};

describe('detectors', () => {
  const ids = readdirSync(fixture('repos'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('has one registered detector per file, named after it, each with its own fixture folder', () => {
    const files = readdirSync(join(repoRoot, 'src/detectors')).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f)).map((f) => f.slice(0, -3));
    expect(detectors.map((d) => d.id)).toEqual([...files].sort());
    expect(ids).toEqual(detectors.map((d) => d.id));
  });

  it.each(ids)('finds what the %s fixture holds', (id) => {
    const expected = JSON.parse(readFileSync(fixture('repos', `${id}.expected.json`), 'utf8'));
    expect(summary(fixture('repos', id))).toEqual(expected);
  });

  it('gives every finding a failure mode, severity, kind and a relative path, in a stable order', () => {
    for (const id of ids) {
      const r = scanRepository(fixture('repos', id));
      for (const f of r.findings) {
        expect(f.failureMode).toMatch(/^FM[1-7]$/);
        expect(['high', 'medium', 'low', 'info']).toContain(f.severity);
        expect(['risk', 'protective', 'fact']).toContain(f.kind);
        expect(f.path.startsWith('/')).toBe(false);
      }
      expect(JSON.stringify(scanRepository(fixture('repos', id)))).toBe(JSON.stringify(r));
    }
  });
});

describe('scanner robustness', () => {
  it.each([
    ['json', '.claude/settings.json:1', 'claude-code.malformed-file', /invalid JSON/],
    ['json', '.mcp.json:4', 'claude-code.malformed-file', /invalid JSON: CommaExpected/],
    ['yaml', '.aider.conf.yml:1', 'aider.malformed-file', /invalid YAML: Nested mappings/],
    ['toml', '.codex/config.toml:2', 'codex.malformed-file', /invalid TOML/],
  ])('survives malformed %s with a finding naming %s', (kind, where, id, message) => {
    const r = scanRepository(fixture('malformed', kind));
    const f = r.findings.find((x) => `${x.path}:${x.line}` === where);
    expect(f).toMatchObject({ id, kind: 'risk' });
    expect(f!.message).toMatch(message);
  });

  it('skips large and binary files with a note, and never follows a link out of the folder', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    mkdirSync(join(dir, '.claude'));
    symlinkSync(join(outside, 'settings.json'), join(dir, '.claude', 'settings.json'));
    writeFileSync(join(dir, 'CLAUDE.md'), `# big\n${'x'.repeat(maxFileBytes + 10)}`);
    writeFileSync(join(dir, '.mcp.json'), Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
    mkdirSync(join(dir, 'node_modules', 'pkg', '.claude'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', '.claude', 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    const r = scanRepository(dir);
    expect(r.skipped).toEqual([
      { path: '.claude/settings.json', reason: 'symbolic link out of the scanned folder: not followed' },
      { path: '.mcp.json', reason: 'binary file: skipped' },
      { path: 'CLAUDE.md', reason: 'larger than 1024 KiB: skipped' },
    ]);
    expect(r.findings.some((f) => f.id === 'claude-code.bypass-permissions')).toBe(false);
    expect(r.tools.find((t) => t.id === 'claude-code')!.files).toEqual(['.claude/settings.json', '.mcp.json', 'CLAUDE.md']);
  });

  it('turns a detector that throws into a finding for that tool alone', () => {
    const broken: Detector = { id: 'aider', name: 'Broken', docsUrl: 'https://example.invalid', patterns: ['.aider.conf.yml'], inspect: () => { throw new Error('boom'); } };
    const r = scanRepository(fixture('repos', 'aider'), [broken, ...detectors.filter((d) => d.id !== 'aider')]);
    expect(r.findings.find((f) => f.id === 'aider.detector-error')!.message).toBe('the Broken detector failed: boom');
  });

  it.each([
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'sk-proj-abcdefghijklmnopqrstuv',
    'AKIAIOSFODNN7EXAMPLE',
    'xoxb-123456789012-abcdefghijklmnop',
    'https://admin:hunter2secret@db.internal/app',
    'Authorization: Bearer abc.def.ghijklmnopqrstu',
  ])('masks %s', (secret) => {
    const masked = maskSecrets(`value ${secret} end`);
    expect(masked).toContain('****');
    for (const part of ['abcdefghijklmnopqrstuvwxyz0123456789', 'hunter2secret', 'IOSFODNN7EXAMPLE', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'abcdefghijklmnop', 'ghijklmnopqrstu', 'abcdefghijklmnopqrstuv'])
      expect(masked).not.toContain(part);
  });
});
