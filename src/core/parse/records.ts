/**
 * Records keyed by user data (field names). A plain `{}` inherits `constructor`, `toString`, ... and treats
 * `__proto__` as its prototype, so a column named `__proto__` would vanish and a missing `constructor`
 * field would read as a function. These helpers make every user key an own data property, and only those count.
 */

/** An empty record with no prototype: assigning any key, `__proto__` included, makes an ordinary own property. */
export function newRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** The record's own value for `name`, or undefined: never an inherited member like `Object.prototype.constructor`. */
export function ownField(record: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
