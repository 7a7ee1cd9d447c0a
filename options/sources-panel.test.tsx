// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceList, SourceView } from '../src/messages/protocol';
import { makeSettings } from '../test/fixtures';
import { isInTrouble, SourceTrouble } from '../issue/source-trouble';
import { SourcesPanel } from './sources-panel';

const sent: { name: string; request: unknown }[] = [];
let answers: Record<string, unknown> = {};
vi.mock('../src/messages/client', () => ({
  send: vi.fn((name: string, request: unknown) => {
    sent.push({ name, request });
    return name in answers ? Promise.resolve(answers[name]) : Promise.reject(new Error(`no answer for ${name}`));
  }),
}));
let granted = true;
const asked: string[] = [];
vi.mock('../src/platform/host-access', () => ({
  requestHostAccess: vi.fn((address: string) => {
    asked.push(address);
    return Promise.resolve(granted);
  }),
}));
vi.mock('../src/platform/extension-pages', () => ({ openOptions: vi.fn(() => Promise.resolve()) }));

function source(overrides: Partial<SourceView> = {}): SourceView {
  return {
    id: 'src-1',
    kind: 'ttrss',
    address: 'https://reader.example.org/tt-rss/',
    name: 'My reader',
    section: null,
    unstarAfterFiling: true,
    enabled: true,
    user: 'editor',
    hasPassword: true,
    health: { lastOkAt: 1, lastTriedAt: 2, failures: 3, lastError: { code: 'auth' }, nextAt: null },
    state: 'waiting',
    error: {
      message: 'Tiny Tiny RSS at reader.example.org refused the user name or password.',
      action: 'Check the user name and password, then press Test.',
    },
    lastWorked: 'Last worked 2 days ago.',
    nextPoll: 'Waiting for you.',
    filed: 7,
    ...overrides,
  };
}

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
/** Lets the panel's promises settle and re-render. */
const settle = () => act(() => new Promise((done) => setTimeout(done, 0)));
const text = (selector: string) => root().querySelector(selector)?.textContent ?? '';
const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent === label)!;
function type(selector: string, value: string) {
  const input = root().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  input.value = value;
  act(() => {
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

beforeEach(() => {
  sent.length = 0;
  asked.length = 0;
  granted = true;
  answers = { 'sources.list': { sources: [source()], pollMinutes: 30 } satisfies SourceList };
});
afterEach(() => render(null, root()));

describe('SourcesPanel', () => {
  it('lists each source with its kind, address, section and health in words', async () => {
    act(() => render(<SourcesPanel sections={makeSettings().sections} />, root()));
    await settle();
    const item = text('.source');
    expect(item).toContain('My reader');
    expect(item).toContain('Tiny Tiny RSS (starred items)');
    expect(item).toContain('https://reader.example.org/tt-rss/');
    expect(item).toContain('new items go to the issue’s inbox (unsorted)');
    expect(item).toContain('7 items filed so far');
    expect(text('[data-testid=source-health]')).toContain('refused the user name or password. Last worked 2 days ago. Check the user name');
    expect((root().querySelector('#poll-minutes') as HTMLInputElement).value).toBe('30');
  });

  it('Test asks for host access to that origin first and says what it found; refused access is said in words and reads nothing', async () => {
    answers['sources.test'] = {
      ok: true,
      message: 'A feed with 12 items, newest from yesterday.',
      report: { kind: 'rss', title: 'T', items: 12, newest: null, skipped: 0 },
    };
    act(() => render(<SourcesPanel sections={makeSettings().sections} />, root()));
    await settle();
    act(() => button('Add a source').click());
    type('.source-form input[name=address]', 'https://news.example.org/starred.xml');
    act(() => button('Test').click());
    await settle();
    expect(asked).toEqual(['https://news.example.org/starred.xml']);
    expect(text('[data-testid=source-test]')).toBe('A feed with 12 items, newest from yesterday.');
    expect(sent.find((m) => m.name === 'sources.test')?.request).toMatchObject({
      kind: 'feed',
      address: 'https://news.example.org/starred.xml',
      user: '',
      password: '',
    });

    granted = false;
    sent.length = 0;
    act(() => button('Test').click());
    await settle();
    expect(text('[data-testid=sources-status]')).toContain('Access to news.example.org was not granted');
    expect(sent.map((m) => m.name)).toEqual([]);
  });

  it('a Tiny Tiny RSS source is edited without reading its password back; Check now says what it filed', async () => {
    answers['sources.checkNow'] = { sources: [source({ state: 'ok', error: null })], pollMinutes: 30, filed: 2 };
    act(() => render(<SourcesPanel sections={makeSettings().sections} />, root()));
    await settle();
    act(() => button('Edit').click());
    expect((root().querySelector('.source-form input[name=password]') as HTMLInputElement).placeholder).toContain('stored');
    expect((root().querySelector('.source-form input[name=unstar]') as HTMLInputElement).checked).toBe(true);
    act(() => button('Check now').click());
    await settle();
    expect(text('[data-testid=sources-status]')).toBe('2 new clippings filed in the open issue.');
  });
});

describe('SourceTrouble (the desk)', () => {
  it('shows one calm line per failing source, and nothing for working or switched-off ones', async () => {
    const ok = source({ id: 'src-2', name: 'Fine', state: 'ok', error: null });
    const off = source({ id: 'src-3', name: 'Off', enabled: false, state: 'off' });
    answers['sources.list'] = { sources: [source(), ok, off], pollMinutes: 30 };
    expect([source(), ok, off].map(isInTrouble)).toEqual([true, false, false]);
    act(() => render(<SourceTrouble version={0} />, root()));
    await settle();
    const lines = [...root().querySelectorAll('[data-testid=source-trouble]')].map((li) => li.textContent);
    expect(lines).toEqual([
      'Reading queue: My reader is not working. Tiny Tiny RSS at reader.example.org refused the user name or password. Last worked 2 days ago. Open the sources',
    ]);
  });

  it('shows nothing when the sources cannot be listed', async () => {
    answers = {};
    act(() => render(<SourceTrouble version={0} />, root()));
    await settle();
    expect(root().querySelector('.source-trouble')).toBeNull();
  });
});
