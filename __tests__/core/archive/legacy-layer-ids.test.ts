import { predictedBaseLayerPaths, rawMembers } from '../../../src/core/archive/legacy-layer-ids';

// Taken from `docker save` of Docker Engine 20.10.24 (Debian 12): an image built FROM a
// three-layer base. The base's diff_ids (docker inspect .RootFS.Layers), and the json of a
// layer that is not the image's top one.
const BASE_DIFF_IDS = [
  'sha256:fe6775c8d27cc2dacfdc10e485b3113706f36dc1ed4ecf38c67a35f86f0b276b',
  'sha256:af8003ce3a4440c49e37e37f2f2a61676ef87eac021c838a08cad0b364dfc9a8',
  'sha256:cf255d6b6708ece80fb1e71f37a38502dfa9ad072c44773dc85d9dbc7bf949cf'
];
const EMPTY_CONFIG =
  '{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":null,"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null}';
const LAYER_JSON = `{"id":"633c7d24abb75d5fa9adb87f6f8d50279a401a9b8f9d2abc8d8d902cc78e9a03","parent":"e7a9e77b2ae23c5ea1807d0a30f9d93255e68bf44b0a06b2d20b98fab71c45d0","created":"1970-01-01T00:00:00Z","container_config":${EMPTY_CONFIG},"os":"linux"}`;

describe('legacy layer paths of a base image', () => {
  it("predicts the directories Docker gave the base's layers", () => {
    expect([...predictedBaseLayerPaths(BASE_DIFF_IDS, LAYER_JSON)!]).toEqual([
      'eff6237386c83df6b95700537023c529865739617cb5ad8f1c40f1592c2f507b/layer.tar',
      'e7a9e77b2ae23c5ea1807d0a30f9d93255e68bf44b0a06b2d20b98fab71c45d0/layer.tar',
      '633c7d24abb75d5fa9adb87f6f8d50279a401a9b8f9d2abc8d8d902cc78e9a03/layer.tar'
    ]);
  });

  it("predicts nothing from the top layer's json (it carries the image config) or from text that is not a JSON object", () => {
    const top = LAYER_JSON.replace('"os":"linux"', '"config":{"User":"1101"},"os":"linux"');
    expect(predictedBaseLayerPaths(BASE_DIFF_IDS, top)).toBeUndefined();
    expect(predictedBaseLayerPaths(BASE_DIFF_IDS, '[1,2]')).toBeUndefined();
    expect(predictedBaseLayerPaths(BASE_DIFF_IDS, '{"created":')).toBeUndefined();
  });

  it('reads the raw text of top-level members, strings with escapes and nesting included', () => {
    const m = rawMembers('{ "a" : {"x":[1,{"y":"}"}]} , "b":"q\\"}," ,"c":null}')!;
    expect([...m]).toEqual([
      ['a', '{"x":[1,{"y":"}"}]}'],
      ['b', '"q\\"},"'],
      ['c', 'null']
    ]);
  });
});
