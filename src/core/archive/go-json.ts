// Docker (moby and containerd) reads manifests and image configs with Go's encoding/json, which
// matches an object's keys to a struct's fields whatever their case ("K", the Kelvin sign, and
// "ſ", the long s, match k and s too), the last matching key in the text winning, and ignores
// keys that match no field. JSON.parse keeps keys as written and hides repeated ones: a config
// with "User": "1101" and then "user": "root" was UID 1101 here and root to Docker. readAsGo
// reads JSON text into the shape of the Go struct, as Docker sees it.
// jsonc-parser gives the syntax tree with every key in order, repeated ones included.
import { getNodeValue, parseTree, type Node } from 'jsonc-parser';

/** A Go struct: its JSON field names, each with the shape of its value. */
export interface GoStruct {
  readonly [field: string]: GoShape;
}
/** 'value': any JSON, as written (a string, a list of strings, a map with exact keys). */
export type GoShape = 'value' | GoStruct | { readonly listOf: GoShape };

/** How Go compares a key with an ASCII field name. */
const fold = (key: string) => key.toLowerCase().replace(/ſ/g, 's');

const foldedFields = new WeakMap<GoStruct, Map<string, string>>();

function fieldsOf(shape: GoStruct): Map<string, string> {
  let fields = foldedFields.get(shape);
  if (!fields) {
    fields = new Map(Object.keys(shape).map((f) => [fold(f), f]));
    foldedFields.set(shape, fields);
  }
  return fields;
}

/** `text` (valid JSON) as Go reads it into `shape`; keys that match no field are left out. */
export function readAsGo(text: string, shape: GoShape): unknown {
  const root = parseTree(text, [], { disallowComments: true });
  return root === undefined ? undefined : convert(root, shape);
}

function convert(node: Node, shape: GoShape): unknown {
  if (shape === 'value') return getNodeValue(node);
  if ('listOf' in shape) return node.type === 'array' ? (node.children ?? []).map((c) => convert(c, shape.listOf as GoShape)) : getNodeValue(node);
  if (node.type !== 'object') return getNodeValue(node);
  const fields = fieldsOf(shape as GoStruct);
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    const field = key && fields.get(fold(String(key.value)));
    if (field && value) out[field] = convert(value, (shape as GoStruct)[field]);
  }
  return out;
}
