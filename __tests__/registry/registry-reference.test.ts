import { formatRegistryReference, isLoopbackRegistry, parseRegistryReference } from '../../src/registry/registry-reference';

describe('docker:// references', () => {
  it.each([
    [
      'docker://swr.cn-north-4.myhuaweicloud.com/org/train:1.2',
      { registry: 'swr.cn-north-4.myhuaweicloud.com', host: 'swr.cn-north-4.myhuaweicloud.com', repository: 'org/train', tag: '1.2' }
    ],
    ['docker://127.0.0.1:5443/e2e/x', { registry: '127.0.0.1:5443', host: '127.0.0.1:5443', repository: 'e2e/x', tag: 'latest' }],
    ['docker://localhost/x@sha256:' + 'a'.repeat(64), { registry: 'localhost', host: 'localhost', repository: 'x', digest: 'sha256:' + 'a'.repeat(64) }],
    ['docker://ubuntu:24.04', { registry: 'docker.io', host: 'registry-1.docker.io', repository: 'library/ubuntu', tag: '24.04' }],
    ['docker://index.docker.io/team/app', { registry: 'docker.io', host: 'registry-1.docker.io', repository: 'team/app', tag: 'latest' }],
    [
      'docker://[::1]:5000/a/b:t@sha256:' + 'b'.repeat(64),
      { registry: '[::1]:5000', host: '[::1]:5000', repository: 'a/b', tag: 't', digest: 'sha256:' + 'b'.repeat(64) }
    ]
  ])('reads %s as Docker does', (text, expected) => {
    expect(parseRegistryReference(text)).toEqual(expected);
  });

  it.each([
    ['docker://Registry.example.com/Org/App:1', /"Org\/App" is not a repository name/],
    ['docker://host.example.com/app:bad tag', /the tag "bad tag" is not valid/],
    ['docker://host.example.com/app@sha256:xyz', /the digest is not sha256/],
    ['docker://host..example.com/app', /"host..example.com" is not a host/]
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseRegistryReference(text)).toThrow(message);
  });

  it('writes a reference back, and knows loopback registries', () => {
    expect(formatRegistryReference(parseRegistryReference('docker://127.0.0.1:5443/e2e/x:1'))).toBe('docker://127.0.0.1:5443/e2e/x:1');
    expect(['127.0.0.1:5443', 'localhost:5000', '[::1]:5000'].map(isLoopbackRegistry)).toEqual([true, true, true]);
    expect(['swr.cn-north-4.myhuaweicloud.com', '10.0.0.1:5000'].map(isLoopbackRegistry)).toEqual([false, false]);
  });
});
