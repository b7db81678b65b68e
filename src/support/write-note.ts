import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { findMemberById } from '../members/repository.ts';
import { appendAudit } from './audit.ts';
import { insertMemberNote } from './repository.ts';
import type { CurrentStaff } from './session.ts';

/**
 * An operator writes a call note on a member case. No identity check is needed: a note records the call
 * (including one where the caller could not be verified) and changes nothing. The audit row says that a note
 * was written, by whom and when; the text stays in member_notes, where the case shows it.
 */
export async function writeMemberNote(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  body: string,
): Promise<{ ok: true } | Failure<'not_found'>> {
  if (!(await findMemberById(deps.db, memberId))) return { ok: false, code: 'not_found' };
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await insertMemberNote(trx, { memberId, staffId: staff.id, body, now });
    await appendAudit(trx, { at: now, staffId: staff.id, action: 'member.note', memberId });
    return { ok: true } as const;
  });
}
