import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { IssueDesk } from './issue-desk';

render(<IssueDesk />, document.getElementById('app')!);
