/**
 * `?tab=ID` opens the form for a given tab (the popup opened as a page, e.g. from another extension
 * page or the end-to-end tests); the toolbar popup has no query and clips the active tab.
 */
export function tabIdFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
