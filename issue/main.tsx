import '../src/platform/zod-setup';
import { render } from 'preact';
import { IssueDesk } from './issue-desk';

render(<IssueDesk />, document.getElementById('app')!);
