/**
 * Set a key as an own, enumerable data property, whatever its name: a plain assignment of `__proto__`
 * (a property name a file can hold) would replace the object's prototype instead.
 * @param target the object
 * @param key the property name, from the file
 * @param value the value
 * @example setOwn(props, '__proto__', 1); Object.keys(props) // ['__proto__']
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
