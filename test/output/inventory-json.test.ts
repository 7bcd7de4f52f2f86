import { describe, expect, it } from "vitest";
import type { Inventory } from "../../src/model/inventory-types.js";
import { serializeInventory } from "../../src/output/inventory-json.js";
import { loadGeneratedArtifacts } from "../support/artifacts.js";

const generated = await loadGeneratedArtifacts();

describe("serializeInventory", () => {
  it("reads back as the same inventory: the app-server one, and an empty one", () => {
    const empty: Inventory = { entries: [], gate: { methods: {}, types: {} } };
    expect(JSON.parse(serializeInventory(empty))).toEqual(empty);
    expect(generated?.inventory, "generated/experimental-inventory.json").toBeDefined();
    expect(JSON.parse(serializeInventory(generated!.inventory!))).toEqual(generated!.inventory);
  });

  it("indents the entries and puts each gate method and type on a line of its own", () => {
    const inventory: Inventory = {
      entries: [{ kind: "method", reason: "x/y", method: "x/y", location: "a.ts:1" }],
      gate: {
        methods: { "x/y": { direction: "clientRequest", experimental: "x/y" }, "x/z": { direction: "clientRequest" } },
        types: { T: { kind: "object", fields: [{ name: "f", experimental: "T.f", presence: "present" }] } },
      },
    };
    expect(serializeInventory(inventory)).toBe(
      [
        "{",
        '  "entries": [',
        "    {",
        '      "kind": "method",',
        '      "reason": "x/y",',
        '      "method": "x/y",',
        '      "location": "a.ts:1"',
        "    }",
        "  ],",
        '  "gate": {',
        '    "methods": {',
        '      "x/y": {"direction":"clientRequest","experimental":"x/y"},',
        '      "x/z": {"direction":"clientRequest"}',
        "    },",
        '    "types": {',
        '      "T": {"kind":"object","fields":[{"name":"f","experimental":"T.f","presence":"present"}]}',
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });
});
