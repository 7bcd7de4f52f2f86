import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLIs spawned in throwaway folders would each leave a compile cache in the OS temp folder.
    env: { SCHEMAGATE_NO_COMPILE_CACHE: "1" },
  },
});
