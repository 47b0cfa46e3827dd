// Cursor's cloud agents: how their VM is built and what runs in it before the agent does.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const environment = (install: string, extra = '') => `{\n  "build": { "dockerfile": "Dockerfile" },\n  "install": ${JSON.stringify(install)}${extra}\n}\n`;
const sudoers = 'FROM ubuntu:24.04\nRUN useradd -m agent \\\n  && echo "agent ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/agent\n';

describe("Cursor cloud agents' environment", () => {
  it('flags a download piped to a shell at start-up and passwordless sudo in the image; credits a locked snapshot', async () => {
    const found = await scanLines({
      '.cursor/environment.json': environment('curl -fsSL https://get.example.sh | bash && pnpm install', ',\n  "agentCanUpdateSnapshot": false'),
      '.cursor/Dockerfile': sudoers,
    });
    expect(found.filter((l) => /env-|snapshot/.test(l))).toEqual([
      'cursor.env-passwordless-sudo medium .cursor/Dockerfile:3',
      'cursor.env-remote-script medium .cursor/environment.json:3',
      'cursor.snapshot-locked info .cursor/environment.json:4',
    ]);
  });

  it('leaves a pinned install alone, and a Dockerfile no environment builds from', async () => {
    const found = await scanLines({ '.cursor/environment.json': environment('pnpm install --frozen-lockfile') });
    expect(found.filter((l) => /env-/.test(l))).toEqual([]);
    const alone = await scanLines({ '.cursor/Dockerfile': sudoers, '.cursor/rules/style.mdc': '---\nglobs: src/**\n---\nUse tabs.\n' });
    expect(alone.filter((l) => /env-|Dockerfile/.test(l))).toEqual([]);
  });
});
