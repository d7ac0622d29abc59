/**
 * A benchmark setting read from the environment: a whole number within bounds, or the default.
 * A bad value stops the run with a message naming the variable (exit 2).
 */
export function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return Number(raw);
}
