import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import type { SourceView } from '../src/messages/protocol';
import { openOptions } from '../src/platform/extension-pages';

/** A source the desk mentions: polling it keeps failing, or it waits for the editor (login, host access). */
export function isInTrouble(source: SourceView): boolean {
  return source.enabled && source.error !== null && (source.state === 'failing' || source.state === 'waiting');
}

/**
 * One calm line per feed source that is not working (its error in words and since when it last worked),
 * with a way to the options page. It blocks nothing: a desk whose sources cannot be listed shows nothing
 * here. Read again whenever the desk's view changes (`version`), e.g. after a Check now elsewhere.
 */
export function SourceTrouble({ version }: { version: number }) {
  const [troubled, setTroubled] = useState<SourceView[]>([]);
  useEffect(() => {
    let live = true;
    send('sources.list', {}).then(
      ({ sources }) => live && setTroubled(sources.filter(isInTrouble)),
      () => live && setTroubled([]),
    );
    return () => {
      live = false;
    };
  }, [version]);
  if (!troubled.length) return null;
  return (
    <ul class="source-trouble" aria-label={t('sourcesListLabel')}>
      {troubled.map((source) => (
        <li key={source.id} data-testid="source-trouble">
          {t('deskSourceTrouble', source.name, `${source.error?.message ?? ''} ${source.lastWorked}`.trim())}{' '}
          <button type="button" class="link" onClick={() => void openOptions()}>
            {t('deskSourceSettings')}
          </button>
        </li>
      ))}
    </ul>
  );
}
