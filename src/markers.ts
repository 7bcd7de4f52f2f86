/**
 * What protocol authors import. Everything here is a type or a no-op: the
 * scanner reads markers from syntax, so definitions work even when this module
 * does not resolve. Decorators use the TC39 (TypeScript 5+) signature.
 */

/** A request in a `@methods` registry: params `P` (or `undefined` for none), result `R`. */
export interface Request<P, R> {
  readonly params: P;
  readonly result: R;
}

/** A notification in a `@methods` registry, with payload `P`. */
export interface Notification<P> {
  readonly params: P;
}

/** The four registry directions accepted by `@methods`. */
export type MethodsKind = "clientRequest" | "clientNotification" | "serverRequest" | "serverNotification";

type AnyDecoratorContext = ClassDecoratorContext | ClassFieldDecoratorContext | ClassMethodDecoratorContext;

/**
 * Marks a class, class member or registry entry as experimental. The optional
 * reason names it in the inventory and in runtime errors; without one it is
 * derived from the method, type and field names.
 */
export function experimental(reason?: string) {
  void reason;
  return function (_target: unknown, _context: AnyDecoratorContext): void {};
}

/** Marks a class as a method registry for one direction. Keys are wire method names. */
export function methods(kind: MethodsKind) {
  void kind;
  return function (_target: unknown, _context: ClassDecoratorContext): void {};
}
