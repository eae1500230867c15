import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
} from '../../electron/services/url-policy';

describe('url policy', () => {
  it('recognises the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://alliance/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://alliance/#/clients')).toBe(true);
  });

  it('rejects other hosts, ports, credentials and schemes that look alike', () => {
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://alliance.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://alliance:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user@alliance/index.html')).toBe(false);
    expect(isAppUrl('apps://alliance/index.html')).toBe(false);
    expect(isAppUrl('https://alliance/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('allows requests to the app, DevTools and in-memory URLs only', () => {
    expect(isAllowedRequest('app://alliance/index.html')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://alliance/6f1c7d1e-0000-4000-8000-000000000000')).toBe(true);
  });

  it('cancels everything that could leave the machine or read local files', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'chrome://settings',
      'app://elsewhere/index.html',
      '',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('allows navigation within the app origin only', () => {
    expect(isAllowedNavigation('app://alliance/index.html#/settings')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html')).toBe(false);
    expect(isAllowedNavigation('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>alert(1)</script>')).toBe(false);
  });
});
