/**
 * Folds text for diacritic-insensitive comparison: "Tư vấn" → "tu van", "Đà Nẵng" → "da nang",
 * "Břeclav" → "breclav". Đ/đ is not a combining mark in Unicode, so it is replaced by hand;
 * SQLite's unicode61 tokenizer does not fold it either (see STACK.md). So is its look-alike, the
 * eth (Ð/ð), which some keyboards and sources (GeoNames' "Ðà Lạt") put where Đ/đ is meant.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đð]/g, "d")
    .replace(/[ĐÐ]/g, "D")
    .toLowerCase();
}
