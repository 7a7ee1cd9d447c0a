/** How a saver paces its saves. */
export interface LatestSaverOptions {
  /**
   * Wait this long after the last `schedule` before sending (a debounce while the editor types);
   * 0, the default, sends at once; Infinity waits for `flush`, `leave` or `idle`.
   */
  delayMs?: number;
}

/** Saves the latest value of something the editor is typing; see createLatestSaver. */
export interface LatestSaver<T> {
  /** Queue the latest value; it is sent after the delay (at once without one), behind any save in flight. */
  schedule(value: T): void;
  /** Send the pending value now, without waiting for the rest of the delay (e.g. when the field is left). */
  flush(): void;
  /**
   * The page is going away (pagehide, hidden): send the pending value at once, even beside a save in
   * flight, since a save queued behind it would never start.
   */
  leave(): void;
  /** Forget anything not yet sent (e.g. right before the clipping itself is saved). */
  cancel(): void;
  /** Whether a value is waiting to be sent. */
  readonly pending: boolean;
  /** Resolves once everything scheduled so far has been sent (a value still in its delay is sent first). */
  idle(): Promise<void>;
}

/**
 * Keeps what the editor types saved (the popup's draft, the desk's fields) without ever letting an
 * older save land after a newer one: at most one save is in flight, and only the latest pending value
 * follows it. With a delay, a value is sent once the editor has paused typing for that long.
 */
export function createLatestSaver<T>(
  save: (value: T) => Promise<unknown>,
  onError: (error: unknown) => void,
  { delayMs = 0 }: LatestSaverOptions = {},
): LatestSaver<T> {
  let pending: { value: T } | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // A failing error reporter must not stop later saves.
    }
  };
  const send = async (value: T): Promise<void> => {
    try {
      await save(value);
    } catch (error) {
      report(error);
    }
  };
  const pump = async (): Promise<void> => {
    // A value still in its delay waits for its timer (the editor is typing on).
    while (pending && timer === undefined) {
      const { value } = pending;
      pending = undefined;
      await send(value);
    }
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const start = () => {
    stopTimer();
    if (!pending) return;
    if (inFlight) return; // the running pump takes the latest pending value next
    inFlight = pump().finally(() => {
      inFlight = undefined;
      // A timer that fired while the pump was finishing found it still running: send its value now.
      if (pending && timer === undefined) start();
    });
  };

  return {
    schedule(value: T): void {
      pending = { value };
      if (delayMs <= 0) return start();
      stopTimer();
      if (Number.isFinite(delayMs)) timer = setTimeout(start, delayMs);
    },
    flush: start,
    leave(): void {
      stopTimer();
      if (!pending) return;
      if (!inFlight) return start();
      const { value } = pending;
      pending = undefined;
      void send(value);
    },
    cancel(): void {
      stopTimer();
      pending = undefined;
    },
    get pending() {
      return pending !== undefined;
    },
    async idle(): Promise<void> {
      if (pending) start(); // a value in its delay, or waiting for a flush, goes now
      while (inFlight) await inFlight;
    },
  };
}
