/**
 * Selector queries with bounded work. `querySelectorAll` matches every element under its root: on
 * a page with a 5 MB DOM (128,000 elements) one byline selector took 50–350 ms in the content
 * script's world, and the capture runs a dozen, on the page's main thread. Bylines, dates and
 * headlines sit near the top of an article, so on a large page the scans read the document's first
 * {@link SCAN_LIMIT} elements only, and stop when the capture's time budget is spent. A normal page
 * (real articles have 600–12,000 elements) is queried whole, as before.
 */

/** Elements of a document that the scans read at most, in document order. */
export const SCAN_LIMIT = 15000;

/**
 * The capture's time budget, set by readPage for the length of one capture: scans check it between
 * their native queries. `stopped` records that one stopped early.
 */
export const scanBudget = { until: Infinity, now: Date.now, stopped: false };

const late = () => scanBudget.now() > scanBudget.until && (scanBudget.stopped = true);

/** Per document: the first element after its first SCAN_LIMIT elements, or null when it has no more. */
const cuts = new WeakMap<Document, Element | null>();

/**
 * The first element of the document after the first {@link SCAN_LIMIT}. Read from the document's
 * own element collection: the browser finds it natively, where a TreeWalker stepping through 15,000
 * elements from script crossed into the DOM 15,000 times (about 1 µs each, the largest single cost
 * of a cold capture on pages of a few thousand elements, since every page paid it).
 */
export function scanCut(doc: Document): Element | null {
  let cut = cuts.get(doc);
  if (cut === undefined) {
    cut = doc.getElementsByTagName('*')[SCAN_LIMIT] ?? null;
    cuts.set(doc, cut);
  }
  return cut;
}

/** Native queries per scan at most on a large page: each call has a fixed cost (~20 µs). */
const MAX_CALLS = 200;

/**
 * Up to `max` descendants of `root` matching `selector`, in document order. On a large page only
 * those before the {@link scanCut} are looked at: subtrees wholly before it are queried natively,
 * the cut's ancestors matched one by one, and the scan stops at the time budget or after
 * {@link MAX_CALLS} queries (a long list of small siblings: it then keeps their first ones).
 */
export function queryBounded(root: Element, selector: string, max: number): Element[] {
  const out: Element[] = [];
  const take = (el: Element) => {
    const list = el.querySelectorAll(selector);
    // Indexing a NodeList wraps only the elements read, not all of them (Array.from would).
    for (let i = 0; i < list.length && out.length < max; i++) out.push(list[i]!);
  };
  const cut = scanCut(root.ownerDocument);
  // A root wholly before the cut is small enough; one after it is not read at all.
  if (!cut || (!root.contains(cut) && root.compareDocumentPosition(cut) & 4) /* FOLLOWING */) take(root);
  else if (root.contains(cut))
    for (let parent: Element | null = root, calls = 0; parent && parent !== cut && out.length < max;) {
      let child: Element | null = parent.firstElementChild;
      for (; child && !child.contains(cut) && out.length < max; child = child.nextElementSibling) {
        if (++calls > MAX_CALLS || late()) return out;
        if (child.matches(selector)) out.push(child);
        take(child);
      }
      if (child && child !== cut && out.length < max && child.matches(selector)) out.push(child);
      parent = child;
    }
  return out;
}
