import { maskSecret } from '../text/mask';
import type { TextNeed } from '../stream-needs';
import { CREDENTIAL_DETECTORS } from './credential-detectors';
import { credentialsIn } from './secret-patterns';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

/** The well-known credential files, and what each holds when it holds a credential. */
const CREDENTIAL_FILES: { name: RegExp; holds(text: string): string | null }[] = [
  { name: /\/\.netrc$/, holds: (text) => (/\bpassword\s+\S+/.test(text) ? 'a .netrc file with a password' : null) },
  { name: /\/\.git-credentials$/, holds: (text) => (/:\/\/[^:\s/]+:[^@\s]+@/.test(text) ? 'git credentials' : null) },
  { name: /\/\.docker\/config\.json$/, holds: dockerCredentials },
  { name: /(?:\/\.obsutilconfig|\/\.huaweicloud\/[^/]+|\/\.aws\/credentials)$/, holds: cloudCredentials }
];

const CREDENTIAL_FILE_TEXTS: TextNeed = { pattern: new RegExp(CREDENTIAL_FILES.map((f) => f.name.source).join('|')), maxBytes: 4 * 1024 * 1024 };

function dockerCredentials(text: string): string | null {
  try {
    const auths = (JSON.parse(text) as { auths?: Record<string, { auth?: string; identitytoken?: string }> }).auths ?? {};
    const hosts = Object.entries(auths)
      .filter(([, a]) => a && (a.auth || a.identitytoken))
      .map(([h]) => h);
    return hosts.length ? `docker registry credentials for ${hosts.join(', ')}` : null;
  } catch {
    return null;
  }
}

function cloudCredentials(text: string): string | null {
  const m = /^\s*(sk|secret_?access_?key|secretkey|aws_secret_access_key|token)\s*[=:]\s*["']?([^\s"']+)/im.exec(text);
  return m ? `cloud credentials (${m[1]}=${maskSecret(m[2], 0)})` : null;
}

/** Credentials in a well-known credential file at `path`; `text` is the file's content. */
function credentialFile(path: string, text: string): string | null {
  return CREDENTIAL_FILES.find((f) => f.name.test(path))?.holds(text) ?? null;
}

const DETECTOR_IDS = new Set(CREDENTIAL_DETECTORS.map((d) => d.id));

export const secrets: Rule = {
  id: 'secrets',
  defaultSeverity: 'error',
  description: 'No credentials may be baked into custom layers, ENV, labels or build history.',
  spec: 'Custom images cannot contain malicious code. (Credentials in an image leak to everyone who can pull it.)',
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [CREDENTIAL_FILE_TEXTS], detectors: [...DETECTOR_IDS] }),
  check(facts) {
    const out: RawFinding[] = [];
    for (const layer of facts.layers) {
      if (layer.base) continue;
      for (const hit of layer.record.scanHits) {
        if (DETECTOR_IDS.has(hit.detector))
          out.push({
            message: `${hit.path} contains ${hit.evidence}. Remove it and rotate the credential; pass secrets at run time instead.`,
            path: hit.path,
            layer: layer.index
          });
      }
      const e = layer.record.entries;
      for (const [i, text] of e.texts) {
        const found = credentialFile(e.paths[i], text);
        if (found) out.push({ message: `${e.paths[i]} holds ${found}. Remove it and rotate the credential.`, path: e.paths[i], layer: layer.index });
      }
    }
    const raw = facts.rawConfig;
    const c = raw.config ?? {};
    const history = facts.config.history ?? [];
    // The history entries whose credentials are reported with the setting they made (ENV, LABEL): not twice.
    const reported = new Set<number>();
    const settingFinding = (keyword: 'ENV' | 'LABEL', name: string, message: string): RawFinding => {
      const at = lastSetting(history, keyword, name);
      if (at !== undefined) reported.add(at);
      return { message, instruction: at === undefined ? undefined : history[at].created_by };
    };
    for (const env of c.Env ?? []) {
      const name = env.split('=')[0];
      for (const found of credentialsIn(env))
        out.push(settingFinding('ENV', name, `The image environment sets ${found}. Pass credentials at run time, not with ENV.`));
    }
    for (const [key, value] of Object.entries(c.Labels ?? {})) {
      for (const found of credentialsIn(`${key}=${value}`)) out.push(settingFinding('LABEL', key, `The image label ${key} holds ${found}.`));
    }
    for (const [instruction, args] of [
      ['ENTRYPOINT', c.Entrypoint],
      ['CMD', c.Cmd]
    ] as const) {
      const at = lastSetting(history, instruction);
      for (const found of credentialsIn((args ?? []).join(' '))) {
        if (at !== undefined) reported.add(at);
        out.push({
          message: `The image's ${instruction} passes ${found}. Pass credentials at run time instead.`,
          instruction: at === undefined ? undefined : history[at].created_by
        });
      }
    }
    raw.history?.forEach((h, i) => {
      if (reported.has(i)) return;
      const by = typeof h?.created_by === 'string' ? h.created_by : '';
      for (const found of credentialsIn(by)) {
        out.push({
          message: `Build step ${i + 1} recorded ${found} in the image history (build arguments and ENV are visible to anyone who pulls the image). Use build secrets (RUN --mount=type=secret) instead.`,
          instruction: history[i]?.created_by
        });
      }
    });
    return dedupe(out);
  }
};

/**
 * The index of the last history entry that is a `keyword` instruction (classic or BuildKit
 * history), setting `name` when one is given.
 */
function lastSetting(history: { created_by?: string }[], keyword: 'ENV' | 'LABEL' | 'CMD' | 'ENTRYPOINT', name?: string): number | undefined {
  const instruction = new RegExp(`^(?:/bin/sh -c #\\(nop\\)\\s+)?${keyword}\\s`);
  const setting = name === undefined ? undefined : new RegExp(`(?:^|\\s)${escapeRegExp(name)}[=\\s]`);
  for (let i = history.length - 1; i >= 0; i--) {
    const by = history[i]?.created_by;
    if (typeof by === 'string' && instruction.test(by.trim()) && (!setting || setting.test(by.trim().replace(instruction, ' ')))) return i;
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.message}\0${f.path ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
