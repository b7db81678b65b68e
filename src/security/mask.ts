/**
 * h***@example.jp: enough for the operator to confirm with the caller, or for the owner to recognise a new
 * address, not enough to read it out or hand it to a mailbox thief.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
