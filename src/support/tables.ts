/** Tables owned by the support console (staff, staff sessions, audit log). Filled in by the support issue. */
// biome-ignore lint/suspicious/noEmptyInterface: extended as the support domain adds tables.
export interface SupportTables {}
