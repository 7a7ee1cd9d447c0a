import { OutboxEntry } from '../sync/outbox-entry';
import { SyncState } from '../sync/sync-state';
import { type OpenDB, settleQuietly } from './db';

/** Reads and updates outbox entries (they are created by the writes themselves: see outbox-marks.ts). */
export class OutboxRepo {
  constructor(private readonly open: OpenDB) {}

  async all(): Promise<OutboxEntry[]> {
    const db = await this.open();
    return (await db.getAll('outbox')).flatMap((row) => {
      const parsed = OutboxEntry.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Pending entries whose time has come, soonest first. */
  async due(now: number): Promise<OutboxEntry[]> {
    return (await this.all())
      .filter((e) => e.state === 'pending' && e.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
  }

  async get(issueId: string): Promise<OutboxEntry | undefined> {
    const db = await this.open();
    const parsed = OutboxEntry.safeParse(await db.get('outbox', issueId));
    return parsed.success ? parsed.data : undefined;
  }

  /** Updates an entry after an attempt, unless the issue changed meanwhile (then it is due again at once). */
  async afterAttempt(issueId: string, seenChangedAt: number, update: (entry: OutboxEntry) => OutboxEntry | undefined): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    settleQuietly(tx.done);
    const parsed = OutboxEntry.safeParse(await tx.store.get(issueId));
    if (parsed.success) {
      const entry = parsed.data;
      const next = update(entry);
      const changedMeanwhile = entry.changedAt !== seenChangedAt;
      if (!next) {
        if (changedMeanwhile) await tx.store.put({ ...entry, attempts: 0, nextAttemptAt: entry.changedAt, state: 'pending' });
        else await tx.store.delete(issueId);
      } else {
        await tx.store.put(next);
      }
    }
    await tx.done;
  }

  /** Makes an entry due now (the editor pressed "Sync now", or chose how to resolve a conflict). */
  async retryNow(issueId: string, now: number): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    settleQuietly(tx.done);
    const parsed = OutboxEntry.safeParse(await tx.store.get(issueId));
    const entry = parsed.success ? parsed.data : { issueId, changedAt: now, attempts: 0, nextAttemptAt: now, state: 'pending' as const };
    await tx.store.put({ ...entry, attempts: 0, nextAttemptAt: now, state: 'pending' });
    await tx.done;
  }
}

/** Per-issue knowledge of the remote draft. */
export class SyncStateRepo {
  constructor(private readonly open: OpenDB) {}

  async get(issueId: string): Promise<SyncState | undefined> {
    const db = await this.open();
    const parsed = SyncState.safeParse(await db.get('syncState', issueId));
    return parsed.success ? parsed.data : undefined;
  }

  async put(state: SyncState): Promise<void> {
    const db = await this.open();
    await db.put('syncState', SyncState.parse(state));
  }

  async delete(issueId: string): Promise<void> {
    const db = await this.open();
    await db.delete('syncState', issueId);
  }
}
