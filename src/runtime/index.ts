/**
 * `schemagate/runtime`: the experimental gate a server runs on every message.
 * Pure: no fs, no Node-only APIs, no dependencies; it reads the parsed inventory.
 */
export { createGate, type ExperimentalGate, type StableOutgoing } from "./gate.js";
export {
  EXPERIMENTAL_API_ERROR_CODE,
  EXPERIMENTAL_OUTPUT_ERROR_CODE,
  experimentalApiError,
  experimentalOutputError,
  InvalidInventoryError,
  type ExperimentalApiError,
  type ExperimentalOutputError,
} from "./errors.js";
export { experimentalApiOptIn } from "./opt-in.js";
export type {
  GateField,
  GateMatch,
  GateMember,
  GateMethod,
  GatePattern,
  GateType,
  Inventory,
  InventoryEntry,
  InventoryKind,
  LiteralValue,
  Presence,
} from "../model/inventory-types.js";
