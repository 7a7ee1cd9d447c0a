import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClippingForm } from '../src/clip/clipping';
import { groupBySection, matchesQuery, needsSummary } from '../src/issue/issue-order';
import { documentClippingIds, toIssueDocument } from '../src/issue/to-document';
import { send } from '../src/messages/client';
import { clippingSync } from '../src/sync/clipping-sync';
import { mergeReportText } from '../src/messages/merge-report-text';
import { type MessageKey, formattingLocale, listOf, plural, t, uiLanguage } from '../src/i18n/messages';
import type { FillField } from '../src/clip/fill-in';
import type { ResponseOf } from '../src/messages/protocol';
import { requestHostAccess } from '../src/platform/host-access';
import { type Issue, isLocked } from '../src/issue/issue';
import type { CardActions } from './clipping-card';
import { PublishIssue, PublishedLine } from './publish-issue';
import { checkChord, isCheckChord, isUndoChord, typesText, undoChord } from './desk-keys';
import { EditField } from './edit-field';
import { ExportBar } from './export-bar';
import { type FocusSpot, ISSUE_HEADING_ID, focusAfterNudge, focusAfterRemoval, sectionHeadingId, useFocusAfterRender } from './focus-after';
import { IssuePreview } from './issue-preview';
import { SectionList } from './section-list';
import { SourceTrouble } from './source-trouble';
import { SyncPanel } from './sync-panel';
import { useIssue } from './use-issue';
import { useSyncStatus } from './use-sync-status';
import { LinkCheckSection } from './link-check-section';
import { useLinkCheck } from './use-link-check';
import { CHECK_HEADING_ID, CheckPanel, fixChanges, spotOf } from './check-panel';
import type { CardReveal } from './clipping-card';
import { useIssueCheck } from './use-issue-check';

type Notice = { kind: 'info' | 'error'; text: string; undoId?: string };

/** An issue's status in words. */
const STATUS_WORDS: Record<Issue['status'], MessageKey> = {
  open: 'deskStatusOpen',
  planned: 'deskStatusPlanned',
  closed: 'deskStatusClosed',
};

const formatDay = (time: number) =>
  new Date(time).toLocaleDateString(formattingLocale(uiLanguage()), { day: 'numeric', month: 'short', year: 'numeric' });

function formatWindow(start: number, end: number): string {
  return t('deskIssueWindow', formatDay(start), formatDay(end - 1));
}

/** The issue desk: the open issue's clippings by section, to reorder, edit, check, export and publish. */
export function IssueDesk() {
  const [issueId, setIssueId] = useState<string | undefined>(new URLSearchParams(location.search).get('issue') ?? undefined);
  const { view, error, reload } = useIssue(issueId);
  const [query, setQuery] = useState('');
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [version, setVersion] = useState(0);

  const groups = useMemo(() => (view ? groupBySection(view.clippings, view.settings.sections) : []), [view]);
  const doc = useMemo(() => (view ? toIssueDocument(view.issue, view.settings, view.clippings) : undefined), [view]);
  const sync = useSyncStatus(view?.issue.id, version);
  const linkCheck = useLinkCheck(view?.issue.id, view?.clippings);
  // The rules run each time the issue loads (on opening, after every change); the links on Check issue.
  const check = useIssueCheck(view, linkCheck);
  const [checkOpen, setCheckOpen] = useState(false);
  const [reveal, setReveal] = useState<{ id: string; reveal: CardReveal } | undefined>();
  const focusAfterRender = useFocusAfterRender();
  // Ctrl+Z (⌘Z) anywhere on the desk but in a text field (whose own undo it stays) undoes the last delete.
  const undoRef = useRef<(() => void) | undefined>(undefined);
  // Alt+Shift+C anywhere on the desk, in a text field too (it types nothing there), runs the check.
  const checkRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && isCheckChord(event) && checkRef.current) {
        event.preventDefault();
        checkRef.current();
        return;
      }
      if (event.defaultPrevented || !isUndoChord(event) || typesText(event.target) || !undoRef.current) return;
      event.preventDefault();
      undoRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  if (error && !view)
    return (
      <main class="desk">
        <p class="notice error" role="alert">
          {t('deskLoadFailed', error)}
        </p>
      </main>
    );
  if (!view || !doc)
    return (
      <main class="desk">
        <p aria-busy="true">{t('deskLoading')}</p>
      </main>
    );

  /**
   * Runs a change through the worker, reloads, and says what went wrong in words when it fails. Once
   * the change is shown, focus goes to `focus` (the first of its spots still there), when given.
   */
  const act = async (work: () => Promise<unknown>, done?: Notice, focus?: readonly FocusSpot[]) => {
    setNotice(undefined);
    try {
      await work(); // may set a notice of its own
      await reload();
      setVersion((v) => v + 1);
      if (done) setNotice(done);
      if (focus) focusAfterRender(focus);
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      await reload();
    }
  };
  const filtering = query.trim() !== '' || onlyMissing;
  const visibleOf = (clippings: typeof view.clippings) =>
    clippings.filter((c) => matchesQuery(c, query) && (!onlyMissing || needsSummary(c)));
  const titleOf = (id: string) => view.clippings.find((c) => c.id === id)?.title ?? t('deskTheClipping');
  /** Where focus goes when a card leaves the desk: its neighbour as shown, else its section's heading. */
  const focusAfterLeaving = (id: string): FocusSpot[] => {
    const group = groups.find((g) => g.clippings.some((c) => c.id === id));
    const shown = group ? visibleOf(group.clippings).map((c) => c.id) : [];
    return focusAfterRemoval(shown, id, group?.section?.id ?? null);
  };
  const undoKey = undoChord();
  const undo = (id: string) => void act(() => send('clip.restore', { id }), { kind: 'info', text: t('deskRestored') }, [{ card: id }]);
  undoRef.current = notice?.undoId ? () => undo(notice.undoId!) : undefined;

  /** Check issue: opens the panel (focus on its heading) and starts the link check, inside the editor's click or key. */
  const runCheck = () => {
    setCheckOpen(true);
    linkCheck.start();
    focusAfterRender([{ selector: `#${CHECK_HEADING_ID}` }]);
  };
  checkRef.current = runCheck;
  const checkShortcut = checkChord();
  const checkCounts = new Map<string, number>();
  for (const p of check.problems) if (p.clippingId !== null) checkCounts.set(p.clippingId, (checkCounts.get(p.clippingId) ?? 0) + 1);
  /** After a fix, focus goes to the panel's next problem (its first button), else its heading. */
  const afterFix: FocusSpot[] = [{ selector: '[data-testid=check-problem] button' }, { selector: `#${CHECK_HEADING_ID}` }];
  const jumpTo = (problem: (typeof check.problems)[number]) => {
    const clipping = view.clippings.find((c) => c.id === problem.clippingId);
    if (!clipping) {
      const selector = problem.sectionId ? `#${sectionHeadingId(problem.sectionId)}` : '#issue-sponsor';
      document.querySelector<HTMLElement>(selector)?.focus();
      return;
    }
    // A card hidden by the search or the filter is shown again first.
    setQuery('');
    setOnlyMissing(false);
    setReveal({ id: clipping.id, reveal: { field: spotOf(problem, clipping), seq: (reveal?.reveal.seq ?? 0) + 1 } });
  };

  const actions: CardActions = {
    update: (id, changes: Partial<ClippingForm>) => void act(() => send('clip.update', { id, changes })),
    nudge: (id, delta, from) => {
      const group = groups.find((g) => g.clippings.some((c) => c.id === id));
      if (!group) return;
      const index = group.clippings.findIndex((c) => c.id === id) + delta;
      if (index < 0 || index >= group.clippings.length) return;
      void act(() => send('clip.move', { id, section: group.section?.id ?? null, index }), undefined, focusAfterNudge(id, from));
    },
    moveToSection: (id, section) => {
      const target = groups.find((g) => (g.section?.id ?? null) === section);
      void act(() => send('clip.move', { id, section, index: target?.clippings.length ?? 0 }), undefined, [{ card: id }]);
    },
    moveToNextIssue: (id) => {
      const focus = focusAfterLeaving(id);
      void act(
        async () => {
          const { issue } = await send('clip.moveToNextIssue', { id });
          setNotice({ kind: 'info', text: t('deskMovedToIssue', titleOf(id), issue.number) });
        },
        undefined,
        focus,
      );
    },
    fillIn: (clipping) => {
      const host = hostOf(clipping.url);
      // Host access first, inside the click (nothing awaited before it): the browser's prompt needs the gesture.
      const access = requestHostAccess(clipping.url);
      void act(
        async () => {
          setNotice({ kind: 'info', text: t('deskFillingIn', host) });
          if (!(await access)) throw new Error(t('deskFillNoAccess', host));
          const result = await send('clip.fillIn', { id: clipping.id });
          setNotice({ kind: 'info', text: fillInWords(result) });
        },
        undefined,
        [{ card: clipping.id }],
      );
    },
    remove: (id) =>
      void act(() => send('clip.delete', { id }), { kind: 'info', text: t('deskDeleted', titleOf(id)), undoId: id }, focusAfterLeaving(id)),
  };

  const syncFacts = sync.status && { configured: sync.status.configured, entry: sync.status.entries[0], state: sync.status.state };
  // Unsorted clippings are left out of the draft, as out of the exports: no mark.
  const inSections = documentClippingIds(doc);
  const syncOf = (clipping: { id: string; updatedAt: number }) =>
    syncFacts && inSections.has(clipping.id) ? clippingSync(clipping, syncFacts) : undefined;
  const missing = view.clippings.filter(needsSummary).length;
  const locked = isLocked(view.issue);
  const editable = !locked;
  return (
    <main class="desk">
      <header class="desk-header">
        <div class="issue-title">
          <p class="desk-name">{t('deskName')}</p>
          <label class="sr-only" for="issue-title">
            {t('deskIssueTitleLabel')}
          </label>
          <EditField
            id="issue-title"
            class="title-input"
            value={view.issue.title}
            readOnly={locked}
            onCommit={(title) => void act(() => send('issue.update', { issueId: view.issue.id, title }))}
          />
          <div class="issue-meta">
            {/* Focusable from code: focus lands here when the next issue opens. */}
            <h1 id={ISSUE_HEADING_ID} class="issue-heading" tabIndex={-1}>
              {t('deskIssueHeading', view.issue.number)}
            </h1>{' '}
            · {formatWindow(view.issue.start, view.issue.end)} · {t(STATUS_WORDS[view.issue.status])} ·{' '}
            <span data-testid="issue-count">{plural('deskClippingCount', view.clippings.length)}</span>
            {missing > 0 && <span class="missing"> · {plural('deskWithoutSummary', missing)}</span>}
            {check.problems.length > 0 && (
              <span class="check-count" data-testid="check-count" title={t('deskCheckMarkHint')}>
                {' '}
                · {plural('deskCheckMark', check.problems.length)}
              </span>
            )}
            {view.planned && <span> · {plural('deskWaitingForIssue', view.planned.count, view.planned.number)}</span>}
          </div>
        </div>
        <div class="issue-switch">
          <button
            id="check-issue"
            type="button"
            class="primary"
            aria-keyshortcuts={checkShortcut.aria}
            title={t('deskCheckButtonHint', checkShortcut.label)}
            onClick={runCheck}
          >
            {t('deskCheckButton')}
          </button>
          <label>
            {t('deskIssueSwitch')}{' '}
            <select value={view.issue.id} onChange={(e) => setIssueId(e.currentTarget.value)}>
              {view.issues.map((i) => (
                <option value={i.id}>{t('deskIssueOption', i.number, t(STATUS_WORDS[i.status]))}</option>
              ))}
            </select>
          </label>
          <label class="file-button">
            {t('deskImport')}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file)
                  void act(async () =>
                    setNotice({ kind: 'info', text: mergeReportText(await send('issue.import', { text: await file.text() }), 'Imported') }),
                  );
              }}
            />
          </label>
          {view.issue.status === 'open' && (
            <PublishIssue
              number={view.issue.number}
              nextNumber={view.planned?.number ?? view.issue.number + 1}
              carried={view.planned?.count ?? 0}
              unfinished={missing}
              blockers={check.problems.filter((p) => p.severity === 'blocks').length}
              onPublish={(moveUnfinished) =>
                void act(
                  async () => {
                    const { next, moved } = await send('issue.publish', { issueId: view.issue.id, moveUnfinished });
                    setIssueId(next.id);
                    setNotice({
                      kind: 'info',
                      text: moved
                        ? plural('deskPublishedMoved', moved, view.issue.number, next.number)
                        : t('deskPublished', view.issue.number, next.number),
                    });
                  },
                  undefined,
                  [{ selector: `#${ISSUE_HEADING_ID}` }],
                )
              }
            />
          )}
        </div>
      </header>

      {view.issue.status === 'closed' && (
        <PublishedLine
          issue={view.issue}
          formatDate={formatDay}
          onReopen={() =>
            void act(() => send('issue.reopen', { issueId: view.issue.id }), {
              kind: 'info',
              text: t('deskReopened', view.issue.number),
            })
          }
          onLockAgain={() =>
            void act(() => send('issue.publish', { issueId: view.issue.id, moveUnfinished: false }), {
              kind: 'info',
              text: t('deskLockedAgain', view.issue.number),
            })
          }
        />
      )}

      {notice && (
        <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.text}{' '}
          {notice.undoId && (
            <button type="button" aria-keyshortcuts={undoKey.aria} onClick={() => undo(notice.undoId!)}>
              {t('deskUndo', undoKey.label)}
            </button>
          )}
        </p>
      )}

      <SyncPanel issueId={view.issue.id} status={sync.status} loadError={sync.error} reload={sync.reload} />
      {/* The link check's own section until its journey moves to Check issue; the panel shows the same, so one at a time. */}
      {!checkOpen && <LinkCheckSection check={linkCheck} />}
      {checkOpen && (
        <CheckPanel
          check={check}
          links={linkCheck}
          clippings={view.clippings}
          sections={view.settings.sections}
          editable={editable}
          onFix={(problem) => {
            const clipping = view.clippings.find((c) => c.id === problem.clippingId);
            if (clipping)
              void act(() => send('clip.update', { id: clipping.id, changes: fixChanges(problem.fix, clipping) }), undefined, afterFix);
          }}
          onJump={jumpTo}
          onClose={() => {
            linkCheck.cancel();
            setCheckOpen(false);
            focusAfterRender([{ selector: '#check-issue' }]);
          }}
        />
      )}

      <SourceTrouble version={version} />

      <div class="toolbar">
        <input
          type="search"
          placeholder={t('deskSearch')}
          aria-label={t('deskSearch')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label>
          <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.currentTarget.checked)} /> {t('deskOnlyMissing')}
        </label>
        <ExportBar doc={doc} issueId={view.issue.id} onNotice={setNotice} />
      </div>

      <div class="columns">
        <div class="sections">
          <label class="sponsor">
            {t('deskSponsorLabel')}

            <EditField
              id="issue-sponsor"
              multiline
              rows={3}
              value={view.issue.sponsor}
              readOnly={!editable}
              onCommit={(sponsor) => void act(() => send('issue.update', { issueId: view.issue.id, sponsor }))}
            />
          </label>
          {groups.map((group) => (
            <SectionList
              key={group.section?.id ?? 'unsorted'}
              group={group}
              visible={visibleOf(group.clippings)}
              sections={view.settings.sections}
              draggable={!filtering && !locked}
              locked={locked}
              actions={actions}
              syncOf={syncOf}
              checkOf={(c) => checkCounts.get(c.id) ?? 0}
              revealOf={(c) => (reveal?.id === c.id ? reveal.reveal : undefined)}
              onDrop={(id, section, index) => void act(() => send('clip.move', { id, section, index }))}
            />
          ))}
        </div>
        <IssuePreview doc={doc} />
      </div>
    </main>
  );
}

/** The host of an address, for words ("Reading news.example.org…"); the address itself when it is none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const FILL_FIELD_WORDS: Record<FillField, MessageKey> = {
  title: 'deskFillFieldTitle',
  authors: 'deskFillFieldAuthors',
  siteName: 'deskFillFieldSiteName',
  publishedTime: 'deskFillFieldPublishedTime',
  excerpt: 'deskFillFieldExcerpt',
  lang: 'deskFillFieldLang',
};

/** What Fill in did, in words: the fields it filled, or why it filled none. */
function fillInWords(result: ResponseOf<'clip.fillIn'>): string {
  if (result.read === 'tab') return t('deskFillUnread', result.note ?? '');
  if (!result.filled.length) return t('deskFillNothing');
  return t('deskFilledIn', listOf(result.filled.map((field) => t(FILL_FIELD_WORDS[field]))));
}
