import DOMPurify from 'dompurify';
import { createSanitizer } from '../src/export/sanitize-config';

/** The HTML export's sanitiser in the extension's pages: DOMPurify with the export's allow-list. */
export const sanitize = createSanitizer(DOMPurify);
