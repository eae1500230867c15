import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppFile } from '../../electron/services/app-files';

const root = path.resolve('/opt/alliance/out/renderer');

describe('app protocol files', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppFile(root, 'app://alliance/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://alliance')).toBe(path.join(root, 'index.html'));
  });

  it('maps paths inside the folder, ignoring query and hash', () => {
    expect(resolveAppFile(root, 'app://alliance/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://alliance/fonts/Inter%20Var.woff2')).toBe(path.join(root, 'fonts', 'Inter Var.woff2'));
  });

  it('refuses anything that would escape the folder', () => {
    for (const url of [
      'app://alliance/../../etc/passwd',
      'app://alliance/%2e%2e/%2e%2e/etc/passwd',
      'app://alliance/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://alliance/..%5c..%5cwindows%5csystem.ini',
      'app://alliance/%2e%2e',
    ]) {
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppFile(root, 'app://alliance/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('refuses other origins, malformed escapes and NUL bytes', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://alliance/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'app://alliance/index.html%00.js')).toBeNull();
  });

  it('names MIME types by extension', () => {
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('fonts/a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('img/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('unknown.bin')).toBe('application/octet-stream');
  });
});
