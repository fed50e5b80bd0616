import { parseInputs } from '../../src/action/inputs';

const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');
const SWR = 'swr.cn-north-4.myhuaweicloud.com';

describe('action inputs', () => {
  it('applies defaults and splits push targets', () => {
    const i = inputs({
      image: 'train:1',
      push: 'true',
      'push-image': `${SWR}/org/train:1\n${SWR}/org/train:latest\n`,
      'registry-username': 'u',
      'registry-password': 'p'
    });
    expect(i).toMatchObject({ image: { kind: 'daemon', ref: 'train:1' }, pull: 'missing', failOn: 'error', push: true, notices: [] });
    expect(i.pushImages).toEqual([`${SWR}/org/train:1`, `${SWR}/org/train:latest`]);
  });

  it.each([
    [{}, /input image is required/],
    [{ image: 'Bad Name' }, /not an image reference/],
    [
      { image: 'x', 'base-image': '/tmp/base.tar' },
      /input base-image "\/tmp\/base.tar" is not an image reference or ID, nor docker-archive:PATH or oci-archive:PATH/
    ],
    [{ image: 'x', pull: 'sometimes' }, /input pull is "sometimes": use one of missing, always, never/],
    [{ image: 'x', 'fail-on': 'fatal' }, /fail-on/],
    [{ image: 'x', push: 'yes' }, /input push/],
    [{ image: 'x', push: 'true' }, /push-image names no target/],
    [{ image: 'x', push: 'true', 'push-image': 'repo@sha256:' + 'a'.repeat(64) }, /not a tag reference/],
    [{ image: 'x', push: 'true', 'push-image': `${SWR}/o/x:1`, 'registry-username': 'u' }, /go together/],
    [{ image: 'x', push: 'true', 'push-image': `${SWR}/o/x:1`, 'huaweicloud-ak': 'AK' }, /huaweicloud-ak and huaweicloud-sk go together/],
    [{ image: 'x', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'swr-region': 'north' }, /swr-region "north"/],
    [{ image: 'x', push: 'true', 'push-image': `${SWR}/${'a'.repeat(65)}/train:1` }, /is not an SWR organization name \(1 to 64 characters/],
    [{ image: 'x', push: 'true', 'push-image': `${SWR}/1org/train:1` }, /"1org" is not an SWR organization name/],
    [{ image: 'x', push: 'true', 'push-image': `${SWR}/org/train.v2:1` }, /"train.v2" is not an SWR image name/],
    [
      { image: 'x', push: 'true', 'push-image': `${SWR}/org/team/train:1` },
      /SWR images are .*\/ORGANIZATION\/NAME\[:TAG\], with one organization and one name/
    ],
    [
      { image: 'x', push: 'true', 'push-image': `${SWR}/org/x:1`, 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'swr-region': 'cn-east-3' },
      /swr-region is cn-east-3, but push-image .* is in cn-north-4/
    ],
    [
      { image: 'docker-archive:image.tar', push: 'true', 'push-image': `${SWR}/org/x:1` },
      /the image is the archive docker-archive:image\.tar: there is nothing in a daemon or registry to push/
    ],
    [
      { image: 'x', push: 'true', 'push-image': `${SWR}/org/x:1\nreg.example.com/x:1`, 'registry-username': 'u', 'registry-password': 'p' },
      /push-image names several \(swr\.cn-north-4\.myhuaweicloud\.com, reg\.example\.com\): name it with the registry input/
    ]
  ])('rejects %p', (values, message) => {
    expect(() => inputs(values as Record<string, string>)).toThrow(message);
  });

  it('treats empty inputs as unset, and unusable credentials without a push as a notice, not a failure (a fork pull request)', () => {
    const fork = inputs({
      image: 'train:abc',
      push: 'false',
      'push-image': `${SWR}/org/train:abc`,
      'registry-username': '',
      'registry-password': '',
      'huaweicloud-ak': '',
      'huaweicloud-sk': '',
      'swr-region': 'cn-north-4'
    });
    expect(fork).toMatchObject({ push: false, credentials: {}, notices: [] });
    const partial = inputs({ image: 'train:abc', push: 'false', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': '', 'registry-username': 'u' });
    expect(partial.credentials).toEqual({});
    expect(partial.notices).toEqual([
      'registry-username and registry-password go together: one of them is empty; nothing is pushed, so the check goes on without them.',
      'huaweicloud-ak and huaweicloud-sk go together: one of them is empty; nothing is pushed, so the check goes on without them.'
    ]);
  });

  it('scopes registry-username and registry-password to the registry input, or to the push targets', () => {
    expect(inputs({ image: 'x', 'push-image': `${SWR}/org/x:1`, 'registry-username': 'u', 'registry-password': 'p' }).credentials).toEqual({
      explicit: { registry: SWR, username: 'u', password: 'p' }
    });
    expect(inputs({ image: 'x', registry: 'nvcr.io', 'registry-username': 'u', 'registry-password': 'p' }).credentials.explicit?.registry).toBe('nvcr.io');
    expect(inputs({ image: 'x', 'registry-username': 'u', 'registry-password': 'p' }).notices).toEqual([
      expect.stringMatching(/belong to one registry: name it with the registry input/)
    ]);
  });

  it('takes Huawei Cloud keys for the SWR hosts of any Huawei Cloud domain, the region from the host unless given', () => {
    for (const host of ['swr.eu-west-101.myhuaweicloud.eu', 'swr.eu-de.otc.t-systems.com']) {
      const i = inputs({ image: 'x', push: 'true', 'push-image': `${host}/org/train:1`, 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK' });
      expect(i.credentials).toEqual({ swr: { ak: 'AK', sk: 'SK' } });
    }
  });

  it('takes archives in the workspace, and gives SARIF one category per image whatever its tag', () => {
    expect(inputs({ image: 'docker-archive:out/image.tar', 'base-image': 'oci-archive:base.tar' })).toMatchObject({
      image: { kind: 'archive', spec: 'docker-archive:out/image.tar' },
      baseImage: { kind: 'archive', spec: 'oci-archive:base.tar' },
      sarifCategory: 'image'
    });
    expect(inputs({ image: 'train:a' }).sarifCategory).toBe('train');
    expect(inputs({ image: `${SWR}/org/train:b` }).sarifCategory).toBe(`${SWR}/org/train`);
    expect(inputs({ image: 'sha256:' + 'a'.repeat(64) }).sarifCategory).toBe('modelarts-image-check');
    expect(inputs({ image: 'train:a', 'sarif-category': 'gpu/train' }).sarifCategory).toBe('gpu/train');
  });
});
