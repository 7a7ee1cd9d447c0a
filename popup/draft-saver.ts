/**
 * Keeps the popup's draft saved as the editor types, without ever letting an older save land
 * after a newer one: at most one save is in flight, and only the latest pending value follows it.
 */
export function createDraftSaver<T>(save: (value: T) => Promise<unknown>, onError: (error: unknown) => void) {
  let pending: { value: T } | undefined;
  let inFlight: Promise<void> | undefined;

  const report = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // A failing error reporter must not stop later saves.
    }
  };
  const pump = async (): Promise<void> => {
    while (pending) {
      const { value } = pending;
      pending = undefined;
      try {
        await save(value);
      } catch (error) {
        report(error);
      }
    }
  };

  return {
    /** Queue the latest value; sends now if nothing is in flight. */
    schedule(value: T): void {
      pending = { value };
      // Cleared when the pump settles, even if `save` throws synchronously.
      inFlight ??= pump().finally(() => {
        inFlight = undefined;
      });
    },
    /** Forget anything not yet sent (e.g. right before the clipping itself is saved). */
    cancel(): void {
      pending = undefined;
    },
    /** Resolves once everything scheduled so far has been sent. */
    async idle(): Promise<void> {
      while (inFlight) await inFlight;
    },
  };
}
