import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { companyName, isStatusHost } from './section-suggestion';
import { documentAt } from '../../test/document';

describe('outage suggestion', () => {
  it('recognises status hosts', () => {
    expect(isStatusHost('status.example.com')).toBe(true);
    expect(isStatusHost('acme.statuspage.io')).toBe(true);
    expect(isStatusHost('www.githubstatus.com')).toBe(true);
    expect(isStatusHost('blog.example.com')).toBe(false);
  });
  it('derives the company from the page name or the host', () => {
    expect(companyName('GitHub Status', 'www.githubstatus.com')).toBe('GitHub');
    expect(companyName('ExamplePay Engineering Blog', 'engineering.example-pay.com')).toBe('ExamplePay');
    expect(companyName(undefined, 'status.example-cloud.io')).toBe('Example-cloud');
    expect(companyName(undefined, 'acme.statuspage.io')).toBe('Acme');
  });
  it('suggests outages for a Statuspage incident and titles it with the company', () => {
    const doc = documentAt(
      '<html><head><title>GitHub Status - Incident with Actions</title></head><body><div class="incident-name">Incident with Actions</div><div class="incident-updates-container"></div></body></html>',
      'https://www.githubstatus.com/incidents/abc',
    );
    const c = extractCapture(doc);
    expect(c.suggestedSection).toBe('outages');
    expect(c.title?.value).toBe('GitHub');
    expect(c.notes.join(' ')).toMatch(/Incident with Actions/);
  });
  it('suggests outages for a post-incident review, not for an ordinary article', () => {
    const page = (title: string) =>
      extractCapture(
        documentAt(
          `<html><head><title>${title}</title><meta property="og:site_name" content="Ex Engineering"></head><body></body></html>`,
          'https://ex.com/p',
        ),
      ).suggestedSection;
    expect(page('Post-incident review: the March failover')).toBe('outages');
    expect(page('Postmortem of the 2 June outage')).toBe('outages');
    expect(page('How we run on-call')).toBeUndefined();
  });
});
