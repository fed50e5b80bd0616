// The YAML parser and the JSON-schema validator: only a config file needs them, and they are
// half of the CLI's code. config-file.ts loads this module when it first reads a file; the CLI
// bundle keeps it in a file of its own (dist/config-parsers.js), so that a run without a config
// file starts sooner.
export { parse as parseYaml } from 'yaml';
export { default as Ajv } from 'ajv';
