import { check, paths, rule } from '../../../__fixtures__/check';
import { baseLayers, onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('base-image', () => {
  it.each([
    [{ os: 'windows', architecture: 'amd64' }, /config says its OS is "windows"; ModelArts base images, and the nodes that run training jobs, are Linux/],
    [{ os: 'linux', architecture: 's390x' }, /built for the "s390x" CPU architecture; ModelArts base images are amd64 \(x86-64\) or arm64/]
  ])('reports an image for a platform ModelArts does not run (%p), even on the right base layers', async (platform, message) => {
    const found = rule(await check(onBase([layer([{ path: 'opt/app.py', content: 'x' }])]), { platform }), 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toMatch(message);
  });

  it("cuts a crafted config's platform value in its message instead of quoting it whole", async () => {
    const [found] = rule(await check(onBase([]), { platform: { os: 'x'.repeat(100_000), architecture: 'amd64' } }), 'base-image');
    expect(found.message).toMatch(/OS is "x{64}\.\.\. \(100,000 characters\)"; ModelArts/);
    expect(found.message.length).toBeLessThan(400);
  });

  it('accepts Linux images for amd64 and arm64, and a config that names no platform', async () => {
    const spec = onBase([layer([{ path: 'opt/app.py', content: 'x' }])]);
    expect(rule(await check(spec, { platform: { os: 'linux', architecture: 'arm64' } }), 'base-image')).toEqual([]);
    // Spellings containerd normalizes to amd64 and arm64 (and a capitalized OS) are the same platforms.
    for (const platform of [
      { os: 'Linux', architecture: 'x86_64' },
      { os: 'linux', architecture: 'aarch64' }
    ]) {
      expect(rule(await check(spec, { platform }), 'base-image')).toEqual([]);
    }
    const unnamed = (config: Record<string, unknown>) => {
      delete config.os;
      delete config.architecture;
    };
    expect(rule(await check(spec, { tamperConfig: unnamed }), 'base-image')).toEqual([]);
  });

  it('with the arch setting, reports an image for another architecture (any spelling of the same one is fine)', async () => {
    const spec = onBase([layer([{ path: 'opt/app.py', content: 'x' }])]);
    const arm = { platform: { os: 'linux', architecture: 'arm64' } };
    expect(rule(await check(spec, { ...arm, settings: { arch: 'arm64' } }), 'base-image')).toEqual([]);
    expect(rule(await check(spec, { platform: { os: 'linux', architecture: 'aarch64' }, settings: { arch: 'arm64' } }), 'base-image')).toEqual([]);
    const [found] = rule(await check(spec, { ...arm, settings: { arch: 'amd64' } }), 'base-image');
    expect(found.severity).toBe('error');
    expect(found.message).toMatch(
      /says it is built for arm64, and the arch setting asks for amd64: images for CPU and GPU resource pools \(x86_64\) must be amd64/
    );
    const unnamed = (config: Record<string, unknown>) => void delete config.architecture;
    expect(rule(await check(spec, { tamperConfig: unnamed, settings: { arch: 'arm64' } }), 'base-image')[0].message).toMatch(
      /does not say which CPU architecture it is built for/
    );
  });

  it('reports an image not built on the given base', async () => {
    const other = { layers: [layer([{ path: 'bin/sh', content: 'other' }])], config: { User: '1101' } };
    const found = rule(await check(other), 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
  });

  it('takes the layers the image shares with the given base as base layers, even when the base is not a prefix', async () => {
    // Built on another version of the base: the OS layer is the same, the next one differs. The
    // shared layer is the base's byte for byte (same diff_id): its files are not the image's doing.
    const v2 = { createdBy: '/bin/sh -c install-v2', entries: [{ path: 'opt/v2', content: 'two' }] };
    const r = await check(onBase([layer([{ path: 'opt/app.py', content: 'x' }])]), { baseLayers: [...baseLayers(), v2] });
    expect(rule(r, 'base-image').map((f) => f.message)).toEqual([expect.stringMatching(/its layer 2 differs from the base image's \(the base has 2 layers\)/)]);
    expect(r.facts.base).toMatchObject({ matches: false, layerCount: 1 });
    expect(r.findings.filter((f) => f.rule !== 'base-image')).toEqual([]);
    // An image that is the base's first layers alone has no layer that differs: it has too few.
    const short = await check(onBase([]), { baseLayers: [...baseLayers(), v2] });
    expect(rule(short, 'base-image').map((f) => f.message)).toEqual([
      expect.stringMatching(/it has 1 layer, the base image 2, and they are the base's first ones/)
    ]);
  });

  it('warns without a base and guesses the boundary from the history', async () => {
    const r = await check(onBase([layer([{ path: 'opt/x', content: 'x', mode: 0o4755 }])]), { withBase: false });
    const found = rule(r, 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/the first layer was taken as the base, guessed/);
    expect(r.facts.base.guessed).toBe(true);
    expect(paths(r, 'setuid-setgid')).toEqual(['/opt/x']); // the base's own su is not reported
  });
});
