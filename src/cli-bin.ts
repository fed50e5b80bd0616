#!/usr/bin/env node
import { runCli } from './cli';
import { useSmallYoungGeneration } from './core/memory-settings';
import { UsageError } from './core/errors';
import { connectDaemon, daemonSource, ensureImage } from './docker/daemon';
import { credentialsFor, registryOf } from './docker/registry-auth';

useSmallYoungGeneration();

/** Image references go through the Docker daemon (DOCKER_HOST), pulled when missing. */
async function openReference(ref: string) {
  const docker = await connectDaemon();
  const log = { info: (line: string) => process.stderr.write(`${line}\n`), warning: (line: string) => process.stderr.write(`warning: ${line}\n`) };
  const info = await ensureImage(docker, ref, 'missing', await credentialsFor(registryOf(ref), {}), log).catch((err: unknown) => {
    throw err instanceof Error ? new UsageError(err.message) : err;
  });
  return daemonSource(docker, info, ref);
}

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), openReference }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`modelarts-image-check: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 2;
  }
);
