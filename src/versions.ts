// The published schema versions of results and history results, apart from their zod schemas so
// that writing a result does not build the schema it is checked against only when saved as JSON.
export const reportSchemaVersion = '2.3.0';
export const historySchemaVersion = '1.1.0';
