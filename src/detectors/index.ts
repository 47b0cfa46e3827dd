// The registry of detectors, sorted by id. Adding a tool: one file in this folder, one line here.
import { aider } from './aider.js';
import { claudeCode } from './claude-code.js';
import { codex } from './codex.js';
import { continueDev } from './continue.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { geminiCli } from './gemini-cli.js';
import { github } from './github.js';
import type { Detector } from './types.js';
import { vscode } from './vscode.js';
import { windsurf } from './windsurf.js';

export const detectors: readonly Detector[] = [aider, claudeCode, codex, continueDev, copilot, cursor, geminiCli, github, vscode, windsurf];
