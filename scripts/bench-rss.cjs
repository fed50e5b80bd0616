// Preloaded into the validator by the bench: writes the process's peak RSS (bytes) at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.MIC_BENCH_RSS_FILE) writeFileSync(process.env.MIC_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
