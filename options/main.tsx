import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { t, uiLanguage } from '../src/i18n/messages';
import { OptionsPage } from './options-page';

// The page's <title> and lang hold English until the catalogue is read.
document.title = t('optionsTitle');
document.documentElement.lang = uiLanguage();

render(<OptionsPage />, document.getElementById('app')!);
