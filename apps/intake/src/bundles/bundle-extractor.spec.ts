import { gzipSync } from 'node:zlib';
import { makeTarGz, makeZip, SUPPORT_BUNDLE_FILES } from '../../test/fixtures/archives.js';
import { detectFormat, extractBundle, safeEntryPath } from './bundle-extractor.js';
import { redactBundle } from './bundle-redaction.js';

const limits = { maxUnpackedBytes: 5 * 1024 * 1024, maxFiles: 100 };

describe('support bundle extraction', () => {
  it('unpacks a zip and redacts every text file, keeping binaries as metadata', async () => {
    const { format, files } = await extractBundle(
      makeZip(SUPPORT_BUNDLE_FILES.map((f) => ({ name: f.name, content: f.content }))),
      limits,
    );
    expect(format).toBe('zip');
    expect(files.map((f) => f.path)).toEqual(['logs/kollab.log', 'config/settings.env', 'diagnostics.json', 'screenshot.png']);
    const redacted = redactBundle(files);
    const byPath = Object.fromEntries(redacted.files.map((f) => [f.path, f]));
    expect(byPath['logs/kollab.log']!.redactions).toEqual({ bearer_token: 1, email: 1, home_path: 1 });
    expect(byPath['config/settings.env']!.redactions).toEqual({ openai_key: 1, github_token: 1, password: 1 });
    expect(byPath['diagnostics.json']!.redactions).toEqual({ home_path: 1 });
    expect(byPath['screenshot.png']).toMatchObject({ content: null, skipped: 'binary', size: 11 });
    expect(redacted.totals).toEqual({ bearer_token: 1, email: 1, home_path: 2, openai_key: 1, github_token: 1, password: 1 });
    const stored = JSON.stringify(redacted.files);
    for (const secret of ['sk-ant-', 'sk-proj-', 'ghp_', 'hunter2', 'ana.lima@', '/home/ana', '/Users/ana'])
      expect(stored).not.toContain(secret);
  });

  it('unpacks a tar.gz', async () => {
    const { format, files } = await extractBundle(await makeTarGz([{ name: 'kollab.log', content: 'token=abc123' }]), limits);
    expect(format).toBe('tar.gz');
    expect(files).toEqual([{ path: 'kollab.log', size: 12, text: 'token=abc123' }]);
  });

  it('takes a JSON bundle as one document', async () => {
    const { format, files } = await extractBundle(Buffer.from('{"environment":{"os":"Linux"},"log":"x"}'), limits);
    expect(format).toBe('json');
    expect(files[0]).toMatchObject({ path: 'bundle.json', text: '{"environment":{"os":"Linux"},"log":"x"}' });
    await expect(extractBundle(Buffer.from('{"broken":'), limits)).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_INVALID',
      status: 422,
    });
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'logs/../../x', 'C:/Windows/x', 'a\\..\\b'])('refuses the path %s', (path) => {
    expect(() => safeEntryPath(path)).toThrow(expect.objectContaining({ code: 'INTAKE.BUNDLE_UNSAFE_PATH', status: 422 }));
  });

  it('refuses path traversal inside a zip and a tar.gz', async () => {
    await expect(extractBundle(makeZip([{ name: '../evil.sh', content: 'x' }]), limits)).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_UNSAFE_PATH',
    });
    await expect(extractBundle(await makeTarGz([{ name: '../../evil.sh', content: 'x' }]), limits)).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_UNSAFE_PATH',
    });
    await expect(extractBundle(await makeTarGz([{ name: 'link', content: '', type: 'symlink' }]), limits)).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_UNSAFE_PATH',
    });
  });

  it('refuses zip bombs: a huge ratio, an under-declared size, and too many unpacked bytes', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    await expect(extractBundle(makeZip([{ name: 'zeros.bin', content: zeros }]), limits)).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_ZIP_BOMB',
      status: 422,
    });
    await expect(
      extractBundle(makeZip([{ name: 'liar.txt', content: 'x'.repeat(5000), declaredSize: 10 }]), limits),
    ).rejects.toMatchObject({
      status: 422,
    });
    const many = makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, content: 'y'.repeat(1000) })));
    await expect(extractBundle(many, { maxUnpackedBytes: 4000, maxFiles: 100 })).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_TOO_LARGE',
      status: 413,
    });
    await expect(extractBundle(many, { maxUnpackedBytes: 1e6, maxFiles: 5 })).rejects.toMatchObject({
      code: 'INTAKE.BUNDLE_TOO_LARGE',
    });
    const gzBomb = gzipSync(Buffer.alloc(30 * 1024 * 1024));
    await expect(extractBundle(gzBomb, { maxUnpackedBytes: 100 * 1024 * 1024, maxFiles: 10 })).rejects.toMatchObject({
      status: 422,
    });
  });

  it('refuses what is not a bundle', () => {
    expect(() => detectFormat(Buffer.from('hello'))).toThrow(expect.objectContaining({ code: 'INTAKE.BUNDLE_INVALID' }));
  });
});
