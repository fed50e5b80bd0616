// What a credential looks like in text (ENV, labels, history, commands, file content), shared by
// the secrets rule, which reports them, its content detectors (credential-detectors.ts), and
// the facts builder, which redacts them before anything that comes from the image can reach a
// report.
import { maskSecret } from '../text/mask';

const SECRET_NAME = /(?:^|_)(?:SK|SECRET|SECRET_?KEY|SECRET_ACCESS_KEY|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_KEY|AUTH)$/i;
const PLACEHOLDER = /^(?:|\$\{?\w+\}?|<[^>]*>|x+|\*+|changeme|none|null|false|true|0|1)$/i;
const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|]+)/g;
/** An AWS access key ID (long-term AKIA or temporary ASIA); AWS's documentation keys end in EXAMPLE. */
export const AWS_ACCESS_KEY = /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/;
const AWS_KEY = new RegExp(AWS_ACCESS_KEY.source, 'g');
export const isExampleKey = (key: string) => key.endsWith('EXAMPLE');
/** The first line of a PEM private key; group 1 is its algorithm ("RSA ", "OPENSSH "...). */
export const PRIVATE_KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/;
const PRIVATE_KEY_BLOCK = new RegExp(`${PRIVATE_KEY_HEADER.source}[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)`, 'g');

const unquote = (v: string) => v.replace(/^["']|["']$/g, '');

/** Credentials found in text, each described with its value masked. */
export function credentialsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ASSIGNMENT)) {
    const value = unquote(m[2]);
    if (SECRET_NAME.test(m[1]) && !PLACEHOLDER.test(value)) out.push(`${m[1]}=${maskSecret(value, 0)}`);
  }
  for (const m of text.matchAll(AWS_KEY)) {
    if (!isExampleKey(m[0])) out.push(`AWS access key ${maskSecret(m[0], 4)}`);
  }
  if (PRIVATE_KEY_HEADER.test(text)) out.push('a private key');
  return out;
}

/** The text with every credential value replaced by a mask. */
export function redactSecrets(text: string): string {
  return text
    .replace(ASSIGNMENT, (all, name: string, raw: string) =>
      SECRET_NAME.test(name) && !PLACEHOLDER.test(unquote(raw)) ? `${name}=${maskSecret(unquote(raw), 0)}` : all
    )
    .replace(AWS_KEY, (key) => (isExampleKey(key) ? key : maskSecret(key, 4)))
    .replace(PRIVATE_KEY_BLOCK, '<private key, masked>');
}
