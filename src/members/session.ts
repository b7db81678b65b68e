import type { CurrentMember } from '../deps.ts';
import { createSessionStore } from '../security/session-store.ts';
import { deleteSession, findLiveSession, insertSession, touchSession } from './repository.ts';

/** Where a session was started from (kept for the member's sign-in history). */
export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Member sessions. ASVS 7.3 / AAL2: idle ≤ 30 min, absolute ≤ 12 h; last_seen_at is written at most once a
 * minute, to keep the per-request read cheap. Only active members hold a session.
 */
export const memberSessions = createSessionStore({
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  touchEveryMs: 60 * 1000,
  table: {
    insert: (db, tokenHash, memberId, now, origin: SessionOrigin) =>
      insertSession(db, { tokenHash, memberId, now, ...origin }),
    findLive: findLiveSession,
    touch: touchSession,
    remove: deleteSession,
  },
  toCurrent: (row, tokenHash): CurrentMember | undefined =>
    row.status === 'active'
      ? {
          id: row.id,
          userId: row.user_id,
          email: row.email,
          userIdIsEmail: row.user_id_is_email,
          lang: row.lang,
          sessionTokenHash: tokenHash,
        }
      : undefined,
});
