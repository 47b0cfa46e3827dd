// The scanner's data: what a detector sees (parsed files) and what it reports (findings).
import type { FailureModeId } from '../checklist/schema.js';

export const toolIds = ['aider', 'claude-code', 'codex', 'continue', 'copilot', 'cursor', 'gemini-cli', 'github', 'vscode', 'windsurf'] as const;
export type ToolId = (typeof toolIds)[number];

export type Severity = 'high' | 'medium' | 'low' | 'info';
export type FindingKind = 'risk' | 'protective' | 'fact';

export interface Finding {
  /** Stable id, "<tool>.<what>", used by the evidence map and by other tools. */
  id: string;
  tool: ToolId;
  failureMode: FailureModeId;
  severity: Severity;
  kind: FindingKind;
  /** Relative to the scanned folder, with forward slashes. */
  path: string;
  line?: number;
  message: string;
  recommendation?: string;
}

export type FindingDraft = Omit<Finding, 'tool'>;

/** A file read and parsed once by the scanner, handed to every detector that owns it. */
export interface ParsedFile {
  path: string;
  text: string;
  format: 'json' | 'yaml' | 'toml' | 'markdown' | 'text';
  /** Parsed content for JSON, YAML and TOML; front matter for Markdown. */
  data?: unknown;
  /** Markdown without its front matter. */
  body?: string;
  /** 1-based line of the first occurrence of `needle`, for pointing at a setting. */
  lineOf(needle: string | RegExp): number | undefined;
  /** YAML only: the line of the node at a key path (["jobs", "fix", "steps", 2, "uses"]). */
  lineAt?(path: readonly (string | number)[]): number | undefined;
}

export interface NotObservable {
  id: string;
  tool: ToolId;
  failureMode: FailureModeId;
  message: string;
}

export interface ScanContext {
  /**
   * Every listed path any detector's patterns could match (relative, sorted): each path holding a
   * detector's key segment (see literalKeys in scan.ts), so every file under .github, among others.
   */
  candidatePaths: readonly string[];
  /** Files owned by agent tools other than github: what CODEOWNERS should cover. */
  agentConfigPaths: readonly string[];
  /**
   * Reads another file of the repository (a hook script a setting points at), through the same
   * safe reader as every scanned file: never run, never outside the folder, bounded. A reason
   * instead of text when it cannot be read.
   */
  readText?(path: string): { text: string } | { reason: string };
}

export interface ScanResult {
  schemaVersion: string;
  root: string;
  tools: { id: ToolId; name: string; docsUrl: string; files: string[] }[];
  findings: Finding[];
  notObservable: NotObservable[];
  /** Files the scanner would have read but did not (too large, binary, outside the folder). */
  skipped: { path: string; reason: string }[];
  /**
   * What the ignore file and --exclude set aside (test fixtures, vendored examples): their globs,
   * the findings the detectors make there (never weighed against an answer), and the globs that
   * matched no configuration file.
   */
  notActive: { excludes: string[]; findings: Finding[]; unmatched: string[] };
}

// The shape of a detector: one AI tool's configuration files and what they say.
export interface Detector {
  id: ToolId;
  name: string;
  /** Where the tool documents its configuration. */
  docsUrl: string;
  /** Globs (relative to the scanned folder) of the files this tool owns. */
  patterns: string[];
  /**
   * Globs whose presence means the tool itself is set up (default: any of `patterns`). AGENTS.md,
   * read by many tools, does not by itself mean that Codex is in use.
   */
  markers?: string[];
  /**
   * Pure: the tool's parsed files in, findings out. Called only when the tool has files, or, for a
   * detector that reports what is missing (`reportsAbsence`), whenever any agent tool has files.
   */
  inspect(files: ParsedFile[], ctx: ScanContext): FindingDraft[];
  /** It reports files that should exist and do not (no CODEOWNERS beside agent configuration). */
  reportsAbsence?: boolean;
  /**
   * A file of this tool that does not parse is refused, not ignored (GitHub runs no workflow or
   * action it cannot read): nothing runs, so no rule silently stops holding. Elsewhere a broken
   * file drops the deny lists and hooks the team believes apply.
   */
  malformedFailsClosed?: boolean;
  /** Facts about this tool that live outside the repository. */
  notObservable?: Omit<NotObservable, 'tool'>[];
}
