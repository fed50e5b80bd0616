import { readAsGo, type GoStruct } from '../../../src/core/archive/go-json';

const IMAGE: GoStruct = { config: { User: 'value', Env: 'value', Labels: 'value' }, history: { listOf: { created_by: 'value' } } };

describe("readAsGo reads JSON as Go's encoding/json reads it into a struct", () => {
  it('matches keys to fields whatever their case, the last one in the text winning', () => {
    expect(readAsGo('{"config": {"User": "1101", "user": "root"}}', IMAGE)).toEqual({ config: { User: 'root' } });
    // JSON.parse keeps a repeated key where it first stood: {"User": "c", "user": "b"}.
    expect(readAsGo('{"config": {"User": "a", "user": "b", "User": "c"}}', IMAGE)).toEqual({ config: { User: 'c' } });
    expect(readAsGo('{"Config": {"USER": "1"}, "config": {"uSeR": "2"}}', IMAGE)).toEqual({ config: { User: '2' } });
  });

  it('folds the Kelvin sign and the long s into k and s, as Go does', () => {
    expect(readAsGo('{"config": {"U\u017fer": "root"}}', IMAGE)).toEqual({ config: { User: 'root' } });
    expect(readAsGo('{"\u212aind": "x"}', { kind: 'value' })).toEqual({ kind: 'x' });
    expect(readAsGo('{"config": {"\u00dcser": "root"}}', IMAGE)).toEqual({ config: {} });
  });

  it("leaves out keys that match no field, and keeps a map's keys as written", () => {
    expect(readAsGo('{"config": {"Labels": {"a": "1", "A": "2"}, "Volumes": {}}, "extra": 1}', IMAGE)).toEqual({ config: { Labels: { a: '1', A: '2' } } });
  });

  it('reads lists of structs, and hands a value of another type over as written', () => {
    expect(readAsGo('{"history": [{"Created_By": "RUN x"}, {"created_by": "RUN y", "CREATED_BY": "RUN z"}]}', IMAGE)).toEqual({
      history: [{ created_by: 'RUN x' }, { created_by: 'RUN z' }]
    });
    expect(readAsGo('{"config": "root", "history": {"0": 1}}', IMAGE)).toEqual({ config: 'root', history: { '0': 1 } });
    expect(readAsGo('[{"config": {"user": "1"}}]', { listOf: IMAGE })).toEqual([{ config: { User: '1' } }]);
  });
});
