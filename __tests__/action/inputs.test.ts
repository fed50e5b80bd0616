import { parseInputs } from '../../src/action/inputs';

const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');

describe('action inputs', () => {
  it('applies defaults and splits push targets', () => {
    const i = inputs({
      image: 'train:1',
      push: 'true',
      'push-image': 'swr.cn-north-4.myhuaweicloud.com/org/train:1\nswr.cn-north-4.myhuaweicloud.com/org/train:latest\n'
    });
    expect(i).toMatchObject({ image: 'train:1', pull: 'missing', failOn: 'error', push: true });
    expect(i.pushImages).toEqual(['swr.cn-north-4.myhuaweicloud.com/org/train:1', 'swr.cn-north-4.myhuaweicloud.com/org/train:latest']);
  });

  it.each([
    [{}, /input image is required/],
    [{ image: 'Bad Name' }, /not an image reference/],
    [{ image: 'x', 'base-image': '/tmp/base.tar' }, /input base-image "\/tmp\/base.tar" is not an image reference/],
    [{ image: 'x', pull: 'sometimes' }, /input pull is "sometimes": use one of missing, always, never/],
    [{ image: 'x', 'fail-on': 'fatal' }, /fail-on/],
    [{ image: 'x', push: 'yes' }, /input push/],
    [{ image: 'x', push: 'true' }, /push-image names no target/],
    [{ image: 'x', push: 'true', 'push-image': 'repo@sha256:' + 'a'.repeat(64) }, /not a tag reference/],
    [{ image: 'x', 'registry-username': 'u' }, /go together/],
    [{ image: 'x', 'huaweicloud-ak': 'AK' }, /huaweicloud-ak, huaweicloud-sk and swr-region go together/],
    [{ image: 'x', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'swr-region': 'north' }, /swr-region "north"/]
  ])('rejects %p', (values, message) => {
    expect(() => inputs(values as Record<string, string>)).toThrow(message);
  });
});
