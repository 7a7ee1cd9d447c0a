import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { OptionsPage } from './options-page';

render(<OptionsPage />, document.getElementById('app')!);
