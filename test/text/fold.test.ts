import { describe, expect, it } from "vitest";
import { fold } from "~/text/fold";

describe("fold", () => {
  it("removes Vietnamese and Czech diacritics, đ included", () => {
    expect(fold("Tư vấn")).toBe("tu van");
    expect(fold("Đà Nẵng")).toBe("da nang");
    expect(fold("đăng ký")).toBe("dang ky");
    expect(fold("Châu Đốc")).toBe("chau doc");
    // The eth looks the same as Đ and is sometimes typed or written for it.
    expect(fold("Ðà Lạt, ðường")).toBe("da lat, duong");
    expect(fold("Břeclav, Žďár, Ústí, kůň")).toBe("breclav, zdar, usti, kun");
  });
});
