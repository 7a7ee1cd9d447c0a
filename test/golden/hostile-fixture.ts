// An issue whose page values try every trick a hostile page could play on an export, so the
// golden files show at a glance how each one is printed (escaped, never live).
import type { IssueDocument } from '../../src/export/issue-document';

export function hostileDocument(): IssueDocument {
  return {
    newsletter: 'SRE Weekly',
    lang: 'en-US',
    number: 502,
    title: 'SRE Weekly Issue #502 <script>alert(1)</script>',
    start: '2026-11-23T00:00:00.000-05:00',
    end: '2026-11-30T00:00:00.000-05:00',
    sponsor: 'Sponsored by <b onclick="alert(1)">Evil</b> — [claim your prize](javascript:alert(1)) or [this](https://sponsor.example/ok).',
    sections: [
      {
        id: 'articles',
        name: 'Articles <img src=x onerror=alert(1)>',
        style: 'entries',
        entries: [
          {
            id: 'hostile-1',
            url: 'https://evil.example/a (b)?q=<x>&amp;y',
            title: 'Nice post](javascript:alert(1)) <script>alert(1)</script> *bold* _em_ `code`',
            authors: ['[Jane](javascript:alert(1)) <img src=x onerror=alert(1)>'],
            siteName: '# Site\n\n> quoted',
            publishedTime: '',
            summary: 'The editor wrote <script>alert(1)</script> and [x](javascript:alert(1)) and [ok](https://ok.example/).',
            quote: '- not a list\n\n1. not a list either <iframe src="javascript:alert(1)"></iframe>',
            quoteLink: 'javascript:alert(1)',
          },
          {
            id: 'hostile-2',
            url: 'javascript:alert(document.cookie)',
            title: '<a href="javascript:alert(1)">click</a>',
            authors: [],
            siteName: 'data:text/html,<script>alert(1)</script>',
            publishedTime: '',
            summary: '',
            quote: '',
            quoteLink: '',
          },
        ],
      },
      {
        id: 'outages',
        name: 'Outages',
        style: 'bullets',
        entries: [
          {
            id: 'hostile-3',
            url: ' JaVaScRiPt:alert(1)',
            title: '1. Fake numbered item',
            authors: [],
            siteName: '',
            publishedTime: '',
            summary: '<img src=x onerror=alert(1)>',
            quote: '',
            quoteLink: '',
          },
        ],
      },
    ],
  };
}
