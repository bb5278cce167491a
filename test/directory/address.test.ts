import { describe, expect, it } from "vitest";
import { formatAddress } from "~/directory/address";

describe("formatAddress", () => {
  it("writes an address on one line as its country does", () => {
    expect(formatAddress({ line: "1320 Pacific Ave", city: "Long Beach", postalCode: "90813", stateProvince: "CA", country: "US" })).toBe(
      "1320 Pacific Ave, Long Beach, CA 90813",
    );
    expect(formatAddress({ line: "Údolní 15", city: "Brno", postalCode: "602 00", stateProvince: "", country: "CZ" })).toBe("Údolní 15, 602 00 Brno");
    expect(formatAddress({ line: "Ấp Trung 2, thị trấn Phú Mỹ", city: "Phú Tân", postalCode: "", stateProvince: "An Giang", country: "VN" })).toBe(
      "Ấp Trung 2, thị trấn Phú Mỹ, Phú Tân, An Giang",
    );
  });

  it("leaves out what the address does not have", () => {
    expect(formatAddress({ line: "", city: "Pomona", postalCode: "", stateProvince: "CA", country: "US" })).toBe("Pomona, CA");
    expect(formatAddress({ line: "", city: "", postalCode: "", stateProvince: "", country: "CZ" })).toBe("");
  });
});
