/**
 * `schemagate/runtime`: the experimental gate a server runs on every message.
 * Pure: no fs, no Node-only APIs, no dependencies; it reads the parsed inventory.
 */
export { createGate, type ExperimentalGate } from "./gate.js";
export {
  EXPERIMENTAL_API_ERROR_CODE,
  experimentalApiError,
  InvalidInventoryError,
  type ExperimentalApiError,
} from "./errors.js";
export { experimentalApiOptIn } from "./opt-in.js";
export type {
  GateField,
  GateMatch,
  GateMember,
  GateMethod,
  GateType,
  Inventory,
  InventoryEntry,
  InventoryKind,
  LiteralValue,
  Presence,
} from "../model/inventory-types.js";
