// Preloaded with `node -r` by the bench: prints this process's own peak resident set size (not
// its children's, such as git's) when it exits, so the bench can hold it to a budget.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
