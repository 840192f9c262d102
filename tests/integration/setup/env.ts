/**
 * Runs in every integration test file before its tests. A DATABASE_URL inherited from the shell
 * (a developer's own database, or production) must never be reached by lib code under test:
 * drop it. createTestDatabase() sets DATABASE_URL to the file's own throwaway database.
 */
delete process.env.DATABASE_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";
