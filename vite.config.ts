import { reactRouter } from "@react-router/dev/vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // The copyright notices bundled libraries ask to travel with them (Leaflet's BSD licence, lucide's
  // ISC): kept in the minified code, for about 7 KB before compression over all the scripts.
  build: { rolldownOptions: { output: { comments: { legal: true } } } },
});
