// The limits every input is held to. Named here so the README, the messages and the tests agree.

/** A user file (answers, checklist, overlay, saved result, template) larger than this is refused. */
export const maxUserFileBytes = 16 * 1024 * 1024;
/** A scanned file larger than this is skipped: agent configuration is a few kilobytes. */
export const maxScannedFileBytes = 1024 * 1024;
/** Nesting deeper than this is refused: real configuration files stay under twenty levels. */
export const maxNestingDepth = 100;
/**
 * YAML with brackets nested deeper than this (counted raw, before parsing) is refused unread: the
 * yaml library runs out of memory, fatally, some thousands deep. Far above any real file.
 */
export const maxYamlBracketDepth = 1000;
/** YAML aliases one document may expand: enough for real files, far too few for "billion laughs". */
export const maxYamlAliases = 100;

export const mebibytes = (bytes: number): string => `${bytes / (1024 * 1024)} MiB`;
