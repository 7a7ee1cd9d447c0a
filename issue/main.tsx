import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { t } from '../src/i18n/messages';
import { IssueDesk } from './issue-desk';

// The page's <title> holds the English words until the catalogue is read.
document.title = t('deskPageTitle', t('extName'));
render(<IssueDesk />, document.getElementById('app')!);
