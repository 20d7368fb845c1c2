import { describe, expect, it } from 'vitest';
import { allowNavigation, CONTENT_SECURITY_POLICY, isAppUrl } from '../../../electron/security/policy';
import { isTrustedSender } from '../../../electron/ipc/register-ipc';

describe('the window security policy', () => {
  it('allows only our own scripts and no remote content in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|unsafe-inline|\*/);
  });

  it('recognises the app by protocol and host, not by origin (which is "null" for custom schemes)', () => {
    expect(isAppUrl('app://chronolens/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://chronolens/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('denies navigation away from the app', () => {
    expect(allowNavigation('https://example.com/article')).toBe(false);
    expect(allowNavigation('app://chronolens/index.html#x')).toBe(true);
  });

  it('trusts IPC only from the app frame', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://chronolens/index.html' } } as never)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://attacker.example/' } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });
});

describe('links out of the app', () => {
  it('never calls shell.openExternal: no article link can open a browser or another program', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('electron', { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(await readFile(`electron/${f}`, 'utf8'), f).not.toMatch(/openExternal|openPath/);
  });
});
