/**
 * V8 options of the gateway process, given to Node by whatever starts it (`npm start`'s launcher
 * in scripts/lib/services.ts, the bench in bench/lib/stack.ts); a deployment that runs
 * gateway/main.ts its own way should pass the same.
 *
 * Why: under load the gateway allocates fast (most of it Apollo Gateway's result shaping, the
 * subgraphs' parsed answers and Apollo Server's request pipeline), and what is still in flight
 * when the young generation is collected is promoted to the old one (about 30 KB per request at
 * 50 connections, sampled). V8 lets the old generation grow between full collections by a factor
 * that depends on its maximum size: up to 4× what is alive when the maximum is left at its default
 * (a quarter of the machine's memory up to 4 GB; 4 GB on the 24 GB machine measured here), about
 * 1.3× for a maximum under 256 MB.
 * Left alone, the gateway's old space (about 75 MB alive after a full collection: the schema,
 * query planner and code) grew to 290 MB between collections, and the process to 420-480 MB
 * resident at 50 connections, falling back to 230-270 MB at each full collection.
 *
 * 512 MB: V8 then grows the old generation by at most about 1.4× what is alive, so full
 * collections come sooner and the process stays at 205-230 MB resident (measured at 50 and 200
 * connections, README "Where the time went"), for 3-27% more of the gateway's CPU per request
 * (the extra full collections). It is still far above what the gateway holds alive (about 75 MB
 * idle, 100 MB under load), so a burst of connections makes collections more frequent, not the
 * process fail for want of heap. 1024 MB (growth up to 1.6×) peaked at 238 MB, too near 250; 160 MB
 * (1.3×) cost a third more CPU per request.
 *
 * The young generation is pinned at what V8 picked on the 24 GB machine these were measured on
 * (16 MB semi-spaces): V8 sizes it from the memory Node sees (the machine's, or a container's
 * limit), and a smaller one would promote more of each request and so collect the old generation
 * more often.
 */
export const GATEWAY_NODE_OPTIONS: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=16'];
