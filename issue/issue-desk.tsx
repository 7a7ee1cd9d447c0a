import { useMemo, useState } from 'preact/hooks';
import { groupBySection, matchesQuery, needsSummary } from '../src/issue/issue-order';
import { documentClippingIds, toIssueDocument } from '../src/issue/to-document';
import { send } from '../src/messages/client';
import { clippingSync } from '../src/sync/clipping-sync';
import { t } from '../src/i18n/messages';
import { isLocked } from '../src/issue/issue';
import { PublishedLine } from './publish-issue';
import { undoChord } from './desk-keys';
import { EditField } from './edit-field';
import { ExportBar } from './export-bar';
import { type FocusSpot, focusAfterRemoval, sectionHeadingId, useFocusAfterRender } from './focus-after';
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
import { type DeskAct, type Notice, cardActions } from './card-actions';
import { DeskHeader, formatDay } from './desk-header';
import { useDeskKeys } from './use-desk-keys';

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
  const keys = useDeskKeys();

  if (error && !view)
    return (
      <main class="desk">
        <h1 class="desk-name">{t('deskName')}</h1>
        <p class="notice error" role="alert">
          {t('deskLoadFailed', error)}
        </p>
      </main>
    );
  if (!view || !doc)
    return (
      <main class="desk">
        <h1 class="desk-name">{t('deskName')}</h1>
        <p aria-busy="true">{t('deskLoading')}</p>
      </main>
    );

  /**
   * Runs a change through the worker, reloads, and says what went wrong in words when it fails. Once
   * the change is shown, focus goes to `focus` (the first of its spots still there), when given.
   */
  const act: DeskAct = async (work, done, focus) => {
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
  keys.current.undo = notice?.undoId ? () => undo(notice.undoId!) : undefined;

  /** Check issue: opens the panel (focus on its heading) and starts the link check, inside the editor's click or key. */
  const runCheck = () => {
    setCheckOpen(true);
    linkCheck.start();
    focusAfterRender([{ selector: `#${CHECK_HEADING_ID}` }]);
  };
  keys.current.check = runCheck;
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

  const actions = cardActions({ groups, act, setNotice, titleOf, focusAfterLeaving });

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
      <DeskHeader
        view={view}
        missing={missing}
        problems={check.problems.length}
        blockers={check.problems.filter((p) => p.severity === 'blocks').length}
        act={act}
        setNotice={setNotice}
        onCheck={runCheck}
        onShowIssue={setIssueId}
      />

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
