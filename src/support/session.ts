import { createSessionStore } from '../security/session-store.ts';
import {
  deleteStaffSession,
  findLiveStaffSession,
  insertStaffSession,
  touchStaffSession,
} from './repository.ts';
import type { StaffRole } from './tables.ts';

/** The signed-in staff member, as the console's session middleware found them. */
export interface CurrentStaff {
  id: number;
  login: string;
  displayName: string;
  role: StaffRole;
  sessionTokenHash: string;
}

/**
 * Staff sessions. PCI DSS 8.2.8: re-authenticate after 15 minutes idle (every request restarts the timer);
 * a working day at most. The repository only finds sessions of active staff.
 */
export const staffSessions = createSessionStore({
  idleMs: 15 * 60 * 1000,
  absoluteMs: 10 * 60 * 60 * 1000,
  touchEveryMs: 0,
  table: {
    insert: (db, tokenHash, staffId, now, _origin: undefined) =>
      insertStaffSession(db, tokenHash, staffId, now),
    findLive: findLiveStaffSession,
    touch: touchStaffSession,
    remove: deleteStaffSession,
  },
  toCurrent: (row, tokenHash): CurrentStaff => ({
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    sessionTokenHash: tokenHash,
  }),
});
