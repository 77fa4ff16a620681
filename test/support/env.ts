// Tests assert on behaviour, not on log lines: keep services quiet unless TEST_LOG_LEVEL asks.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
// The launcher tests start `npm start`, which would build the web pages on first start (20 s or
// more, two test files at once); the pages' own tests build them from the source themselves.
process.env.WEB_BUILD ??= 'off';
