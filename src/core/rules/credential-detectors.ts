// The content detectors of the secrets rule: credentials in the content of custom-layer files.
// Data only, because the scan worker threads import it (rules/content-detectors.ts).
import type { ContentDetector } from '../scan/content-scanner';
import { maskSecret } from '../text/mask';
import { AWS_ACCESS_KEY, isExampleKey, PRIVATE_KEY_HEADER } from './secret-patterns';

/** A PEM private key: its header followed by an encrypted key's header or base64 key material. */
const PRIVATE_KEY = new RegExp(`${PRIVATE_KEY_HEADER.source}\\r?\\n(?:Proc-Type:|[A-Za-z0-9+/=]{40,})`);

export const CREDENTIAL_DETECTORS: readonly ContentDetector[] = [
  {
    id: 'private-key',
    binary: true,
    anchors: [Buffer.from('PRIVATE KEY-----')],
    check: (_line, around) => {
      const m = PRIVATE_KEY.exec(around);
      return m ? `${m[1] || ''}private key` : null;
    }
  },
  {
    id: 'aws-access-key',
    anchors: [Buffer.from('AKIA'), Buffer.from('ASIA')],
    check: (line) => {
      const m = AWS_ACCESS_KEY.exec(line);
      if (!m || isExampleKey(m[0])) return null;
      return `AWS access key ${maskSecret(m[0], 4)}`;
    }
  },
  {
    id: 'huawei-cloud-sk',
    // "_SK" with each character the check allows after it (a quote, a space, = or :): the
    // shortest anchor sets how far the search can jump, and "_SK" alone meets every "_SKIP".
    anchors: [...[...'"\'=: \t\v\f\r\xa0'].map((c) => Buffer.from('_SK' + c, 'latin1')), Buffer.from('secret_access_key'), Buffer.from('SecretAccessKey')],
    check: (line) => {
      const m = /(?:\b[A-Za-z_]*_SK|secret_access_key|SecretAccessKey)["']?\s*[=:]\s*["']?([A-Za-z0-9]{40})(?![A-Za-z0-9])/.exec(line);
      return m ? `Huawei Cloud secret key ${maskSecret(m[1], 0)}` : null;
    }
  }
];
