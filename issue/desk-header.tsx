import { formattingLocale, type MessageKey, plural, t, uiLanguage } from '../src/i18n/messages';
import { type Issue, isLocked } from '../src/issue/issue';
import { send } from '../src/messages/client';
import { mergeReportText } from '../src/messages/merge-report-text';
import type { DeskAct, Notice } from './card-actions';
import { checkChord } from './desk-keys';
import { EditField } from './edit-field';
import { ISSUE_HEADING_ID } from './focus-after';
import { PublishIssue } from './publish-issue';
import type { IssueView } from './use-issue';

/** An issue's status in words. */
const STATUS_WORDS: Record<Issue['status'], MessageKey> = {
  open: 'deskStatusOpen',
  planned: 'deskStatusPlanned',
  closed: 'deskStatusClosed',
};

/** A day as the editor's language writes it ("5 Dec 2026"). */
export const formatDay = (time: number) =>
  new Date(time).toLocaleDateString(formattingLocale(uiLanguage()), { day: 'numeric', month: 'short', year: 'numeric' });

interface DeskHeaderProps {
  view: IssueView;
  /** Clippings without a summary. */
  missing: number;
  /** The check's problems: how many, and how many block publishing. */
  problems: number;
  blockers: number;
  act: DeskAct;
  setNotice: (notice: Notice) => void;
  onCheck: () => void;
  /** Shows another issue (the switch, or the next one once this one is published). */
  onShowIssue: (issueId: string) => void;
}

/**
 * The desk's header: the issue's title (editable until it is published), its number, week, status and
 * counts, then Check issue, the issue switch, Import and Mark as published.
 */
export function DeskHeader({ view, missing, problems, blockers, act, setNotice, onCheck, onShowIssue }: DeskHeaderProps) {
  const { issue, planned } = view;
  const checkShortcut = checkChord();
  const publish = (moveUnfinished: boolean) =>
    void act(
      async () => {
        const { next, moved } = await send('issue.publish', { issueId: issue.id, moveUnfinished });
        onShowIssue(next.id);
        setNotice({
          kind: 'info',
          text: moved ? plural('deskPublishedMoved', moved, issue.number, next.number) : t('deskPublished', issue.number, next.number),
        });
      },
      undefined,
      [{ selector: `#${ISSUE_HEADING_ID}` }],
    );
  const importFile = (file: File) =>
    void act(async () =>
      setNotice({ kind: 'info', text: mergeReportText(await send('issue.import', { text: await file.text() }), 'Imported') }),
    );
  return (
    <header class="desk-header">
      <div class="issue-title">
        <p class="desk-name">{t('deskName')}</p>
        <label class="sr-only" for="issue-title">
          {t('deskIssueTitleLabel')}
        </label>
        <EditField
          id="issue-title"
          class="title-input"
          value={issue.title}
          readOnly={isLocked(issue)}
          onCommit={(title) => void act(() => send('issue.update', { issueId: issue.id, title }))}
        />
        <div class="issue-meta">
          {/* Focusable from code: focus lands here when the next issue opens. */}
          <h1 id={ISSUE_HEADING_ID} class="issue-heading" tabIndex={-1}>
            {t('deskIssueHeading', issue.number)}
          </h1>{' '}
          · {t('deskIssueWindow', formatDay(issue.start), formatDay(issue.end - 1))} · {t(STATUS_WORDS[issue.status])} ·{' '}
          <span data-testid="issue-count">{plural('deskClippingCount', view.clippings.length)}</span>
          {missing > 0 && <span class="missing"> · {plural('deskWithoutSummary', missing)}</span>}
          {problems > 0 && (
            <span class="check-count" data-testid="check-count" title={t('deskCheckMarkHint')}>
              {' '}
              · {plural('deskCheckMark', problems)}
            </span>
          )}
          {planned && <span> · {plural('deskWaitingForIssue', planned.count, planned.number)}</span>}
        </div>
      </div>
      <div class="issue-switch">
        <button
          id="check-issue"
          type="button"
          class="primary"
          aria-keyshortcuts={checkShortcut.aria}
          title={t('deskCheckButtonHint', checkShortcut.label)}
          onClick={onCheck}
        >
          {t('deskCheckButton')}
        </button>
        <label>
          {t('deskIssueSwitch')}{' '}
          <select value={issue.id} onChange={(e) => onShowIssue(e.currentTarget.value)}>
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
              if (file) importFile(file);
            }}
          />
        </label>
        {issue.status === 'open' && (
          <PublishIssue
            number={issue.number}
            nextNumber={planned?.number ?? issue.number + 1}
            carried={planned?.count ?? 0}
            unfinished={missing}
            blockers={blockers}
            onPublish={publish}
          />
        )}
      </div>
    </header>
  );
}
