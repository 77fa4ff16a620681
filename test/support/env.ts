// Tests assert on behaviour, not on log lines: keep services quiet unless TEST_LOG_LEVEL asks.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
