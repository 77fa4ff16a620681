/**
 * Work to finish before a process exits (the tracing SDK's last spans). Kept free of imports so
 * that processes without tracing load nothing for it.
 */
const hooks: (() => Promise<void>)[] = [];

export function beforeExit(hook: () => Promise<void>): void {
  hooks.push(hook);
}

/** Runs every hook, waiting at most `timeoutMs` in all. */
export async function finishTelemetry(timeoutMs = 2000): Promise<void> {
  if (hooks.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(hooks.map((hook) => hook())),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
