import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape';
import { parseFragment } from '../../test/export-dom';

describe('escapeHtml', () => {
  it('replaces the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "' onmouseover='alert(1)", '&lt;b&gt;'])(
    'makes %j literal in text and in a quoted attribute',
    (value) => {
      const fragment = parseFragment(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`);
      expect(fragment.children).toHaveLength(1);
      const p = fragment.firstElementChild!;
      expect(p.children).toHaveLength(0);
      expect(p.textContent).toBe(value);
      expect(p.getAttribute('title')).toBe(value);
      expect([...p.attributes].map((a) => a.name)).toEqual(['title']);
    },
  );
});
