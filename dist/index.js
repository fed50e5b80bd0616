"use strict";

// src/action/index.ts
var import_node_path = require("node:path");

// src/launch-in-worker.ts
var import_node_v8 = require("node:v8");
var import_node_worker_threads = require("node:worker_threads");
function launchInWorker(file) {
  (0, import_node_v8.setFlagsFromString)("--heap-growing-percent=50");
  if (process.env.MODELARTS_IMAGE_CHECK_SINGLE_THREAD === "1") {
    require(file);
    return;
  }
  const terminal = { stdoutIsTTY: !!process.stdout.isTTY, stderrIsTTY: !!process.stderr.isTTY, columns: process.stderr.columns };
  if (terminal.stderrIsTTY) {
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143]
    ]) {
      process.once(signal, () => {
        process.stderr.write("\x1B[?25h\x1B[?7h\n");
        process.exit(code);
      });
    }
  }
  const worker = new import_node_worker_threads.Worker(file, { argv: process.argv.slice(2), workerData: { terminal }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  worker.on("error", (err) => {
    process.stderr.write(`modelarts-image-check: internal error: ${err.message}
`);
    process.exitCode = 2;
  });
  worker.on("exit", (code) => {
    process.exitCode ??= code;
  });
}

// src/action/index.ts
launchInWorker((0, import_node_path.join)(__dirname, "action-main.js"));
