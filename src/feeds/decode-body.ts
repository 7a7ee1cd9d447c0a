/**
 * Bytes → text with the feed's own encoding: the Content-Type's charset, else a byte-order mark, else the
 * XML declaration's `encoding`, else UTF-8. Unknown labels fall back to UTF-8; malformed bytes become
 * U+FFFD (never an exception). TextDecoder knows every encoding the web uses (windows-1252, ISO-8859-x,
 * Shift_JIS, GBK …), so the parser only ever sees a JavaScript string.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const label = charsetOf(contentType) ?? bomEncoding(bytes) ?? xmlDeclarationEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // TextDecoder drops the BOM of its own encoding; a stray one of another is removed with the trim in the parser.
  return decoder.decode(bytes);
}

/** The charset parameter of a Content-Type header. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([\w.:-]{1,40})"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function xmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a feed may use (UTF-16 has a BOM, handled above).
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(head);
  return m?.[1]?.toLowerCase();
}
