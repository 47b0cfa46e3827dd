// Which Claude Code tool grants are broad: a whole interpreter, shell or network tool, rather than
// one exact command. Shared by the settings file and the GitHub Action's --allowedTools.
// A general-purpose program with any arguments: the whole of what it can do, not one command.
const anyArgs =
  /^Bash\((gh|git|git push|curl|wget|python|python3|node|npx|bunx|bash|sh|zsh|docker|kubectl|aws|az|gcloud|terraform|rm|sudo|ssh)(:\*| \*|\*)?\)$/;
const broad = /^(Bash|Bash\(\*\)|Bash\(\*:\*\)|WebFetch|Edit|Write)$/;

export const broadClaudeTool = (tool: string): boolean => broad.test(tool.trim()) || anyArgs.test(tool.trim());

/** A grant of any shell command at all: the broadest there is. */
export const anyShell = (tool: string): boolean => /^(Bash|Bash\(\*\)|Bash\(\*:\*\))$/.test(tool.trim());
