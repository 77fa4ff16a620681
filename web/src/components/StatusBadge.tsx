/** A status in words with a colour beside them (never colour alone). */
export function StatusBadge({ tone, children }: { tone: 'good' | 'warn' | 'bad' | 'neutral'; children: string }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}
