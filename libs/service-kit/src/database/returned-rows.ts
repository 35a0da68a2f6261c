/** TypeORM's postgres `query` answers UPDATE/DELETE … RETURNING with `[rows, rowCount]`, anything else with rows. */
export function returnedRows<T>(result: unknown): T[] {
  const value = result as unknown[];
  return Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && typeof value[1] === 'number'
    ? (value[0] as T[])
    : (value as T[]);
}
