import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { t, uiLanguage } from '../src/i18n/messages';
import { IssueDesk } from './issue-desk';

// The page's <title> and lang hold English until the catalogue is read.
document.title = t('deskPageTitle', t('extName'));
document.documentElement.lang = uiLanguage();
render(<IssueDesk />, document.getElementById('app')!);
