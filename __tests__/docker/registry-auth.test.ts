import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitTag } from '../../src/docker/daemon';
import { credentialsFor, registryOf, secretsOf, swrLogin, swrRegionOf } from '../../src/docker/registry-auth';

describe('registry credentials', () => {
  it('derives the SWR long-term login (vector computed with openssl dgst -sha256 -hmac)', () => {
    expect(swrLogin('AKTEST1234567890ABCD', 'SKtest0987654321abcdefghijABCDEFGHIJ0123', 'cn-north-4')).toEqual({
      username: 'cn-north-4@AKTEST1234567890ABCD',
      password: '65c3adec6225221465bff40e52447cddfa607142d14c27a4dfe3fdcfea8dc60d'
    });
  });

  it('finds the registry of a reference', () => {
    expect(registryOf('swr.cn-north-4.myhuaweicloud.com/org/x:1')).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(registryOf('127.0.0.1:5443/org/x')).toBe('127.0.0.1:5443');
    expect(registryOf('library/ubuntu:22.04')).toBe('docker.io');
    expect(registryOf('ubuntu')).toBe('docker.io');
    expect(splitTag('127.0.0.1:5443/org/x:1.2')).toEqual({ repo: '127.0.0.1:5443/org/x', tag: '1.2' });
    expect(splitTag('127.0.0.1:5443/org/x')).toEqual({ repo: '127.0.0.1:5443/org/x', tag: 'latest' });
  });

  it('uses SWR keys only for their region, then what docker login stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-docker-config-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'reg.example.com': { auth: Buffer.from('bob:s3cret:with:colons').toString('base64') } },
        credHelpers: { 'helped.example.com': 'fake' }
      })
    );
    const env = { DOCKER_CONFIG: dir };
    const explicit = { swr: { ak: 'AK', sk: 'SK', region: 'cn-north-4' } };
    const noHelper = async () => undefined;
    expect(await credentialsFor('swr.cn-north-4.myhuaweicloud.com', explicit, env, noHelper)).toMatchObject({ username: 'cn-north-4@AK' });
    expect(await credentialsFor('reg.example.com', explicit, env, noHelper)).toEqual({
      username: 'bob',
      password: 's3cret:with:colons',
      serveraddress: 'reg.example.com'
    });
    const helper = async (name: string, server: string) =>
      name === 'fake' && server === 'helped.example.com' ? { Username: 'h', Secret: 'from-helper' } : undefined;
    expect(await credentialsFor('helped.example.com', {}, env, helper)).toMatchObject({ password: 'from-helper' });
    expect(await credentialsFor('other.example.com', {}, env, noHelper)).toBeUndefined();
  });

  it('finds a login stored under the host with a scheme or a path, as Docker does, the exact key first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-docker-config-'));
    const auth = (user: string, password: string) => ({ auth: Buffer.from(`${user}:${password}`).toString('base64') });
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://swr.cn-north-4.myhuaweicloud.com/v2/': auth('cn-north-4@AK', 'long-term'),
          'http://reg.example.com:5000/': auth('scheme', 'wrong'),
          'reg.example.com:5000': auth('exact', 'right'),
          'https://index.docker.io/v1/': auth('hub', 'hub-password'),
          'https://other.example.com.evil/': auth('x', 'y')
        }
      })
    );
    const env = { DOCKER_CONFIG: dir };
    const noHelper = async () => undefined;
    expect(await credentialsFor('swr.cn-north-4.myhuaweicloud.com', {}, env, noHelper)).toMatchObject({ username: 'cn-north-4@AK', password: 'long-term' });
    expect(await credentialsFor('reg.example.com:5000', {}, env, noHelper)).toMatchObject({ username: 'exact' });
    expect(await credentialsFor('docker.io', {}, env, noHelper)).toMatchObject({ username: 'hub' });
    expect(await credentialsFor('other.example.com', {}, env, noHelper)).toBeUndefined();
  });

  it('reads an identity token that docker login stored (auths, or a helper answering for <token>), and masks it with the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-docker-config-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'myregistry.azurecr.io': { auth: Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64'), identitytoken: 'refresh-1' } },
        credHelpers: { 'helped.azurecr.io': 'acr' }
      })
    );
    const env = { DOCKER_CONFIG: dir };
    const helper = async (name: string, server: string) =>
      name === 'acr' && server === 'helped.azurecr.io' ? { Username: '<token>', Secret: 'refresh-2' } : undefined;
    const stored = await credentialsFor('myregistry.azurecr.io', {}, env, helper);
    expect(stored).toEqual({
      username: '00000000-0000-0000-0000-000000000000',
      password: '',
      serveraddress: 'myregistry.azurecr.io',
      identitytoken: 'refresh-1'
    });
    expect(secretsOf(stored!)).toEqual(['refresh-1']);
    const helped = await credentialsFor('helped.azurecr.io', {}, env, helper);
    expect(helped).toEqual({ username: '', password: '', serveraddress: 'helped.azurecr.io', identitytoken: 'refresh-2' });
    expect(secretsOf({ username: 'u', password: 'p', serveraddress: 'r' })).toEqual(['p']);
  });

  it('gives explicit credentials to their registry only, never to the registry a base comes from', async () => {
    const env = { DOCKER_CONFIG: '/nonexistent' };
    const noHelper = async () => undefined;
    const sources = { explicit: { registry: 'swr.cn-north-4.myhuaweicloud.com', username: 'cn-north-4@AK', password: 'secret' } };
    expect(await credentialsFor('swr.cn-north-4.myhuaweicloud.com', sources, env, noHelper)).toMatchObject({ password: 'secret' });
    expect(await credentialsFor('docker.io', sources, env, noHelper)).toBeUndefined();
    expect(await credentialsFor('nvcr.io', sources, env, noHelper)).toBeUndefined();
    const hub = { explicit: { registry: 'docker.io', username: 'u', password: 'p' } };
    expect(await credentialsFor('index.docker.io', hub, env, noHelper)).toMatchObject({ username: 'u' });
  });

  it.each([
    ['swr.cn-north-4.myhuaweicloud.com', 'cn-north-4'],
    ['swr.eu-west-101.myhuaweicloud.eu', 'eu-west-101'],
    ['swr.eu-de.otc.t-systems.com', 'eu-de'],
    ['swr.ap-southeast-1.myhuaweicloud.com', 'ap-southeast-1']
  ])('logs in to the SWR host %s with the keys, for its region %s', async (host, region) => {
    expect(swrRegionOf(host)).toBe(region);
    const found = await credentialsFor(host, { swr: { ak: 'AK', sk: 'SK' } }, { DOCKER_CONFIG: '/nonexistent' }, async () => undefined);
    expect(found).toEqual({ ...swrLogin('AK', 'SK', region), serveraddress: host });
  });

  it('gives Huawei Cloud keys to SWR hosts only', async () => {
    expect(swrRegionOf('swr.example.com')).toBeUndefined();
    expect(swrRegionOf('myhuaweicloud.com')).toBeUndefined();
    expect(
      await credentialsFor('registry.example.com', { swr: { ak: 'AK', sk: 'SK' } }, { DOCKER_CONFIG: '/nonexistent' }, async () => undefined)
    ).toBeUndefined();
  });
});
