import { describe, expect, it } from "vitest";
import { serverT } from "~/i18n/resources.server";
import { describeChildren } from "~/questionnaire/summary";

const say = (language: "vi" | "en" | "cs", pregnant: boolean, childAgesMonths: number[]) => describeChildren({ pregnant, childAgesMonths }, serverT(language));

describe("the summary's children row", () => {
  it("says a pregnancy and a child's age apart, never as '8 months pregnant'", () => {
    expect(say("vi", true, [8])).toBe("Đang mang thai; bé: 8 tháng tuổi");
    expect(say("en", true, [8])).toBe("Pregnant; child: 8 months");
    expect(say("cs", true, [8])).toBe("Těhotenství; dítě: 8 měsíců");
  });

  it("names one child or several as each language counts them", () => {
    expect(say("en", true, [24, 72])).toBe("Pregnant; children: 2 years, 6 years");
    expect(say("cs", true, [36, 72])).toBe("Těhotenství; děti: 3 roky, 6 let");
    expect(say("cs", true, [1, 12, 24, 36, 48, 60])).toBe("Těhotenství; děti: 1 měsíc, 1 rok, 2 roky, 3 roky, 4 roky, 5 let");
    expect(say("vi", true, [8, 36])).toBe("Đang mang thai; bé: 8 tháng tuổi, 3 tuổi");
  });

  it("says only the pregnancy, or only the ages, or that none were given", () => {
    expect(say("vi", true, [])).toBe("Đang mang thai");
    expect(say("en", true, [])).toBe("Pregnant");
    expect(say("cs", true, [])).toBe("Těhotenství");
    expect(say("vi", false, [8, 36])).toBe("8 tháng tuổi, 3 tuổi");
    expect(say("en", false, [12])).toBe("1 year");
    expect(say("en", false, [18])).toBe("18 months");
    expect(say("cs", false, [24])).toBe("2 roky");
    expect(say("en", false, [])).toBe("No ages given");
    expect(say("cs", false, [])).toBe("Věk neuveden");
  });
});
