// A stand-in for @actions/core in unit tests of the action (jest.mock('@actions/core', ...)), as
// the actions/typescript-action template does it: inputs come from `inputs`, and everything the
// action says (outputs, failure, annotations, secrets, log lines, the summary) is recorded.
export const inputs: Record<string, string> = {};
export const recorded = {
  outputs: {} as Record<string, string>,
  failed: [] as string[],
  secrets: [] as string[],
  log: [] as string[],
  annotations: [] as { level: 'error' | 'warning' | 'notice'; message: string; properties?: Record<string, unknown> }[],
  summary: ''
};

export function reset(values: Record<string, string>): void {
  for (const k of Object.keys(inputs)) delete inputs[k];
  Object.assign(inputs, values);
  recorded.outputs = {};
  recorded.failed = [];
  recorded.secrets = [];
  recorded.log = [];
  recorded.annotations = [];
  recorded.summary = '';
}

export const getInput = (name: string): string => inputs[name] ?? '';
export const setOutput = (name: string, value: unknown): void => void (recorded.outputs[name] = String(value));
export const setFailed = (message: string): void => void recorded.failed.push(message);
export const setSecret = (value: string): void => void recorded.secrets.push(value);
export const info = (line: string): void => void recorded.log.push(line);
export const startGroup = (name: string): void => void recorded.log.push(`::group::${name}`);
export const endGroup = (): void => void recorded.log.push('::endgroup::');
export const error = (message: string, properties?: Record<string, unknown>): void => void recorded.annotations.push({ level: 'error', message, properties });
export const warning = (message: string, properties?: Record<string, unknown>): void =>
  void recorded.annotations.push({ level: 'warning', message, properties });
export const notice = (message: string, properties?: Record<string, unknown>): void => void recorded.annotations.push({ level: 'notice', message, properties });
export const summary = {
  addRaw(text: string) {
    recorded.summary += text;
    return summary;
  },
  async write() {
    return summary;
  }
};
