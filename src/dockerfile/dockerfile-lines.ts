// Reads the Dockerfile the image was built from and ties the image history to its lines, for
// SARIF (CLI and action) and annotations (action). An edge module: it reads a file.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { mapHistoryToDockerfile, parseDockerfile, type DockerfileInstruction } from './dockerfile-map';
import type { HistoryEntry } from '../core/archive/image-manifest';

export interface DockerfileLines {
  /** The Dockerfile's path as the repository names it (relative to `root` when inside it). */
  dockerfile?: string;
  lines: Map<string, DockerfileInstruction>;
  /** True when `path` was given but does not exist (a missing default is not an error). */
  missing: boolean;
}

export function dockerfileLines(path: string | undefined, root: string, history: HistoryEntry[] | undefined): DockerfileLines {
  const file = resolve(root, path ?? 'Dockerfile');
  if (!existsSync(file)) return { lines: new Map(), missing: path !== undefined };
  const rel = relative(root, file);
  const dockerfile = isAbsolute(rel) || rel.startsWith('..') ? file : rel.split('\\').join('/');
  const createdBy = (history ?? []).map((h) => h?.created_by);
  return { dockerfile, lines: mapHistoryToDockerfile(parseDockerfile(readFileSync(file, 'utf8')), createdBy), missing: false };
}
