import { byNamespace } from "./bundle";

/** Every namespace of this language: one chunk, loaded by the browser once and cached (resources.client.ts). */
export default byNamespace(import.meta.glob("../../../locales/vi/*.json", { eager: true, import: "default" }));
