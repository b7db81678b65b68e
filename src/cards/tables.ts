/** Tables owned by the cards domain (cards, enrollments, transactions). Filled in by the cards issue. */
// biome-ignore lint/suspicious/noEmptyInterface: extended as the cards domain adds tables.
export interface CardTables {}
