import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH, buildFtsQuery, parseSearchParams, searchParamsOf } from "~/directory/search-query";

describe("buildFtsQuery", () => {
  it("folds diacritics and đ, and quotes every word", () => {
    expect(buildFtsQuery("Tư vấn")).toBe('"tu" "van"*');
    expect(buildFtsQuery("Đà Nẵng")).toBe('"da" "nang"*');
    expect(buildFtsQuery("poradna")).toBe('"poradna"*');
  });
  it("makes FTS5 syntax plain words", () => {
    expect(buildFtsQuery('"unclosed')).toBe('"unclosed"*');
    expect(buildFtsQuery("AND(")).toBe('"and"*');
    expect(buildFtsQuery("food NEAR housing")).toBe('"food"* "near"* "housing"*');
    expect(buildFtsQuery("care* -child title:x ^start")).toBe('"care"* "child"* "title"* "x" "start"*');
    expect(buildFtsQuery("'; DROP TABLE service; --")).toBe('"drop"* "table"* "service"*');
  });
  it("returns null when nothing searchable is left", () => {
    for (const empty of ["", "   ", '"', "*", "(", "<>", "-- ;"]) expect(buildFtsQuery(empty)).toBeNull();
  });
  it("keeps at most eight words of at most forty letters", () => {
    const query = buildFtsQuery(`${"a".repeat(100)} ${"b ".repeat(20)}`)!;
    expect(query.split(" ")).toHaveLength(8);
    expect(query.startsWith(`"${"a".repeat(40)}"*`)).toBe(true);
  });
  it("handles hostile markup as words", () => {
    expect(buildFtsQuery("<script>alert(1)</script>")).toBe('"script"* "alert"* "1" "script"*');
  });
});

describe("parseSearchParams", () => {
  const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

  it("reads a complete search", () => {
    expect(parse("q=tu+van&need=food&need=housing&language=vi&age=3&free=1&open=on&place=Brno&page=2")).toEqual({
      query: { text: "tu van", needs: ["food", "housing"], spokenLanguage: "vi", age: 3, freeOnly: true, openNow: true, place: "Brno", page: 2 },
      notices: [],
    });
  });
  it("gives the empty search for no parameters", () => {
    expect(parse("")).toEqual({ query: EMPTY_SEARCH, notices: [] });
  });
  it("drops malformed values with a notice each, keeping the rest", () => {
    const { query, notices } = parse("q=food&need=unicorns&need=food&age=-1&language=<script>&page=0");
    expect(query).toMatchObject({ text: "food", needs: ["food"], age: null, spokenLanguage: null, page: 1 });
    expect(notices.sort()).toEqual(["age-invalid", "language-invalid", "need-unknown", "page-invalid"]);
  });
  it("rejects ages that are not whole years from 0 to 18", () => {
    for (const age of ["2.5", "19", "abc", "1e3", "-0.5"]) expect(parse(`age=${age}`).notices).toEqual(["age-invalid"]);
    expect(parse("age=0").query.age).toBe(0);
  });
  it("shortens a 10 000-character query", () => {
    const { query, notices } = parse(`q=${"x".repeat(10_000)}`);
    expect(query.text).toHaveLength(200);
    expect(notices).toEqual(["text-shortened"]);
  });
  it("round-trips through searchParamsOf", () => {
    const original = "q=poradna&need=parenting&language=cs&age=4&free=1&place=602+00&page=3";
    expect(parse(searchParamsOf(parse(original).query).toString()).query).toEqual(parse(original).query);
  });
});
