// A benchmark's size from the environment (BENCH_RUNS=5, SCALE_COUNT=500…): a whole number of 1 or
// more, or the default when unset or empty; anything else stops the script, naming the variable.
export function wholeNumberFromEnv(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^[1-9]\d*$/.test(v)) throw new Error(`${name}=${v}: expected a whole number of 1 or more`);
  return Number(v);
}
