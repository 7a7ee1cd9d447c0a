import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLatestSaver } from './latest-saver';

interface Call {
  value: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** A save function whose calls stay in flight until the test settles them. */
function controlledSave() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (value: number) =>
    new Promise<void>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const settle = (fn: () => void) => () => {
        inFlight -= 1;
        fn();
      };
      calls.push({ value, resolve: settle(resolve), reject: (error: Error) => settle(() => reject(error))() });
    });
  return {
    save,
    calls,
    values: () => calls.map((c) => c.value),
    maxInFlight: () => maxInFlight,
  };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup() {
  const backend = controlledSave();
  const errors: unknown[] = [];
  const saver = createLatestSaver(backend.save, (error) => errors.push(error));
  return { backend, errors, saver };
}

describe('createLatestSaver', () => {
  it('sends the first value at once', () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    expect(backend.values()).toEqual([1]);
  });

  it('keeps at most one save in flight, and then sends only the latest pending value', async () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    saver.schedule(2);
    saver.schedule(3);
    saver.schedule(4);
    await flush();
    expect(backend.values()).toEqual([1]);

    backend.calls[0]!.resolve();
    await flush();
    expect(backend.values()).toEqual([1, 4]);

    backend.calls[1]!.resolve();
    await flush();
    expect(backend.values()).toEqual([1, 4]);
    expect(backend.maxInFlight()).toBe(1);
  });

  it('never sends an older value after a newer one', async () => {
    const { backend, saver } = setup();
    for (let value = 1; value <= 20; value += 1) {
      saver.schedule(value);
      if (value % 3 === 0) {
        backend.calls.at(-1)!.resolve();
        await flush();
      }
    }
    while (backend.calls.length && backend.maxInFlight() === 1) {
      const last = backend.calls.at(-1)!;
      last.resolve();
      await flush();
      if (backend.calls.at(-1) === last) break;
    }
    const sent = backend.values();
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent.at(-1)).toBe(20);
    expect(backend.maxInFlight()).toBe(1);
  });

  it('cancel drops the pending value but not the one in flight', async () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    saver.schedule(2);
    saver.cancel();
    backend.calls[0]!.resolve();
    await saver.idle();
    expect(backend.values()).toEqual([1]);
  });

  it('is usable again after a cancel', async () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    saver.cancel();
    backend.calls[0]!.resolve();
    await saver.idle();
    saver.schedule(2);
    expect(backend.values()).toEqual([1, 2]);
  });

  it('idle resolves at once when nothing was scheduled', async () => {
    const { saver } = setup();
    await expect(saver.idle()).resolves.toBeUndefined();
  });

  it('idle resolves only after everything scheduled has been sent', async () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    saver.schedule(2);
    let idle = false;
    const waiting = saver.idle().then(() => {
      idle = true;
    });

    await flush();
    expect(idle).toBe(false);
    backend.calls[0]!.resolve();
    await flush();
    expect(backend.values()).toEqual([1, 2]);
    expect(idle).toBe(false);
    backend.calls[1]!.resolve();
    await waiting;
    expect(idle).toBe(true);
  });

  it('idle also waits for a value scheduled while it was waiting', async () => {
    const { backend, saver } = setup();
    saver.schedule(1);
    let idle = false;
    const waiting = saver.idle().then(() => {
      idle = true;
    });
    saver.schedule(2);
    backend.calls[0]!.resolve();
    await flush();
    expect(idle).toBe(false);
    backend.calls[1]!.resolve();
    await waiting;
    expect(backend.values()).toEqual([1, 2]);
  });

  it('reports a failed save through onError and keeps saving later values', async () => {
    const { backend, errors, saver } = setup();
    saver.schedule(1);
    saver.schedule(2);
    const failure = new Error('worker asleep');
    backend.calls[0]!.reject(failure);
    await flush();
    expect(errors).toEqual([failure]);
    expect(backend.values()).toEqual([1, 2]);

    backend.calls[1]!.resolve();
    await saver.idle();
    saver.schedule(3);
    backend.calls[2]!.reject('plain string');
    await saver.idle();
    expect(errors).toEqual([failure, 'plain string']);
    saver.schedule(4);
    expect(backend.values()).toEqual([1, 2, 3, 4]);
  });

  // A `save` that throws synchronously (not a rejected promise) must neither stop later saves nor leave idle() spinning.
  it('reports a save that throws instead of rejecting, and carries on', async () => {
    const sent: number[] = [];
    const errors: unknown[] = [];
    const saver = createLatestSaver(
      (value: number) => {
        sent.push(value);
        if (value === 1) throw new Error('sync failure');
        return Promise.resolve();
      },
      (error) => errors.push(error),
    );
    saver.schedule(1);
    await flush();
    saver.schedule(2);
    await flush();
    expect(errors).toHaveLength(1);
    expect(sent).toEqual([1, 2]);
  });

  it('resolves idle even when the last save failed', async () => {
    const { backend, errors, saver } = setup();
    saver.schedule(1);
    backend.calls[0]!.reject(new Error('nope'));
    await expect(saver.idle()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('createLatestSaver with a delay (save as you type)', () => {
  afterEach(() => vi.useRealTimers());

  function delayed(delayMs = 500) {
    vi.useFakeTimers();
    const backend = controlledSave();
    const saver = createLatestSaver(backend.save, () => undefined, { delayMs });
    return { backend, saver };
  }

  it('sends once the editor pauses for the delay, only the latest value', () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    vi.advanceTimersByTime(300);
    saver.schedule(2);
    vi.advanceTimersByTime(300);
    saver.schedule(3);
    expect(backend.values()).toEqual([]);
    expect(saver.pending).toBe(true);
    vi.advanceTimersByTime(499);
    expect(backend.values()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(backend.values()).toEqual([3]);
    expect(saver.pending).toBe(false);
  });

  it('flush sends the pending value at once (the field is left), and nothing more when the delay ends', () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    saver.flush();
    expect(backend.values()).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(backend.values()).toEqual([1]);
  });

  it('flush with nothing pending sends nothing', () => {
    const { backend, saver } = delayed();
    saver.flush();
    saver.leave();
    expect(backend.values()).toEqual([]);
  });

  it('a value typed while a save is in flight still waits for its pause, then follows it', async () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    vi.advanceTimersByTime(500);
    saver.schedule(2);
    backend.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.values()).toEqual([1]);
    await vi.advanceTimersByTimeAsync(400);
    expect(backend.values()).toEqual([1, 2]);
    expect(backend.maxInFlight()).toBe(1);
  });

  it('a pause that ends while a save is in flight sends its value as soon as that save settles', async () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    vi.advanceTimersByTime(500);
    saver.schedule(2);
    vi.advanceTimersByTime(500);
    expect(backend.values()).toEqual([1]);
    backend.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.values()).toEqual([1, 2]);
  });

  it('leave sends the pending value at once, even beside a save in flight (the page is closing)', () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    vi.advanceTimersByTime(500);
    saver.schedule(2);
    saver.leave();
    expect(backend.values()).toEqual([1, 2]);
    expect(saver.pending).toBe(false);
  });

  it('idle sends a value still in its delay and waits for it', async () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    const waiting = saver.idle();
    expect(backend.values()).toEqual([1]);
    backend.calls[0]!.resolve();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('idle also sends a value waiting in its delay behind a save in flight', async () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    vi.advanceTimersByTime(500);
    saver.schedule(2);
    const waiting = saver.idle();
    backend.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.values()).toEqual([1, 2]);
    backend.calls[1]!.resolve();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('cancel drops a value still in its delay', () => {
    const { backend, saver } = delayed();
    saver.schedule(1);
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(backend.values()).toEqual([]);
  });
});

describe('createLatestSaver that waits to be flushed (delay Infinity)', () => {
  it('sends nothing on its own; flush, leave or idle send the latest value', async () => {
    const backend = controlledSave();
    const saver = createLatestSaver(backend.save, () => undefined, { delayMs: Number.POSITIVE_INFINITY });
    saver.schedule(1);
    saver.schedule(2);
    await flush();
    expect(backend.values()).toEqual([]);
    saver.flush();
    expect(backend.values()).toEqual([2]);
    backend.calls[0]!.resolve();
    saver.schedule(3);
    const waiting = saver.idle();
    await flush();
    expect(backend.values()).toEqual([2, 3]);
    backend.calls[1]!.resolve();
    await waiting;
  });
});
