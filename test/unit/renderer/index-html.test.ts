import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/csp';
import html from '../../../renderer/index.html?raw';

describe('renderer/index.html', () => {
  it('carries the shared CSP (less frame-ancestors, which a meta tag cannot set)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = contentSecurityPolicy
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });

  it('has no inline scripts or styles', () => {
    expect(html).not.toMatch(/<style|style="/);
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/src/main.tsx">']);
  });
});
