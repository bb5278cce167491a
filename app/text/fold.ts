/**
 * Folds text for diacritic-insensitive comparison: "Tư vấn" → "tu van", "Đà Nẵng" → "da nang",
 * "Břeclav" → "breclav". Đ/đ is not a combining mark in Unicode, so it is replaced by hand;
 * SQLite's unicode61 tokenizer does not fold it either (see STACK.md).
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
