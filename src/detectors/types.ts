// The shape of a detector: one AI tool's configuration files and what they say.
import type { FindingDraft, NotObservable, ParsedFile, ScanContext, ToolId } from '../scan/types.js';

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
  /** Pure: the tool's parsed files in, findings out. Called only when the tool has files. */
  inspect(files: ParsedFile[], ctx: ScanContext): FindingDraft[];
  /** Facts about this tool that live outside the repository. */
  notObservable?: Omit<NotObservable, 'tool'>[];
}
