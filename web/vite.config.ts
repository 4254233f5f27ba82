import { defineConfig } from "vite";

// The app is served by `chorus serve` from web/dist; during development `npm run dev` proxies
// the API to a server on 127.0.0.1:8080.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
