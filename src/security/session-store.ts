import type { Executor } from '../db/schema.ts';
import { generateToken, hashToken } from './tokens.ts';

/** What a session table offers the store: its SQL lives in the owning domain's repository. */
export interface SessionTable<Row extends { last_seen_at: Date }, Extra> {
  insert(db: Executor, tokenHash: string, subjectId: number, now: Date, extra: Extra): Promise<void>;
  /** The live session and its subject, or nothing: within both limits and the subject still allowed in. */
  findLive(db: Executor, tokenHash: string, idleSince: Date, createdSince: Date): Promise<Row | undefined>;
  touch(db: Executor, tokenHash: string, now: Date): Promise<void>;
  remove(db: Executor, tokenHash: string): Promise<number | undefined>;
}

export interface SessionStoreOptions<Row extends { last_seen_at: Date }, Current, Extra> {
  table: SessionTable<Row, Extra>;
  idleMs: number;
  absoluteMs: number;
  /** last_seen_at is written at most this often (0: on every request). */
  touchEveryMs: number;
  /** The signed-in subject a live row stands for, or nothing when the row does not grant a session. */
  toCurrent(row: Row, tokenHash: string): Current | undefined;
}

export interface SessionStore<Current, Extra> {
  readonly idleMs: number;
  readonly absoluteMs: number;
  /** A 256-bit random token for the cookie; only its SHA-256 reaches the database. */
  create(db: Executor, subjectId: number, now: Date, extra: Extra): Promise<string>;
  /** The subject behind a token if its session is live; restarts the idle timer. */
  validate(db: Executor, token: string, now: Date): Promise<Current | undefined>;
  /** Ends a session server-side; the subject id it belonged to, if any. */
  end(db: Executor, token: string): Promise<number | undefined>;
  /** The cut-offs before which sessions are dead (for housekeeping). */
  cutoffs(now: Date): { idleSince: Date; createdSince: Date };
}

/** One session mechanism for members and staff; each audience brings its table, limits and subject. */
export function createSessionStore<Row extends { last_seen_at: Date }, Current, Extra>(
  options: SessionStoreOptions<Row, Current, Extra>,
): SessionStore<Current, Extra> {
  const { table, idleMs, absoluteMs, touchEveryMs, toCurrent } = options;
  const cutoffs = (now: Date) => ({
    idleSince: new Date(now.getTime() - idleMs),
    createdSince: new Date(now.getTime() - absoluteMs),
  });
  return {
    idleMs,
    absoluteMs,
    cutoffs,
    async create(db, subjectId, now, extra) {
      const token = generateToken();
      await table.insert(db, hashToken(token), subjectId, now, extra);
      return token;
    },
    async validate(db, token, now) {
      const tokenHash = hashToken(token);
      const { idleSince, createdSince } = cutoffs(now);
      const row = await table.findLive(db, tokenHash, idleSince, createdSince);
      if (!row) return undefined;
      const current = toCurrent(row, tokenHash);
      if (current === undefined) return undefined;
      if (now.getTime() - row.last_seen_at.getTime() >= touchEveryMs) await table.touch(db, tokenHash, now);
      return current;
    },
    end(db, token) {
      return table.remove(db, hashToken(token));
    },
  };
}
