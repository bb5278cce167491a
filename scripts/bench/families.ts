/** Families for benchmarks: varied answers across the three regions. */
import { EMPTY_ANSWERS, STEPS, type Answers } from "../../app/questionnaire/answers";
import type { NeedCode } from "../../app/taxonomy/needs";
import type { RegionCode } from "../../app/regions";

const PLACES: Array<{ label: string; lat: number; lng: number; region: RegionCode }> = [
  { label: "Brno", lat: 49.195, lng: 16.608, region: "cz-jm" },
  { label: "Znojmo", lat: 48.856, lng: 16.049, region: "cz-jm" },
  { label: "Long Beach", lat: 33.767, lng: -118.189, region: "us-la" },
  { label: "Pomona", lat: 34.055, lng: -117.75, region: "us-la" },
  { label: "Long Xuyên", lat: 10.386, lng: 105.435, region: "vn-an-giang" },
  { label: "Phú Tân", lat: 10.62, lng: 105.3, region: "vn-an-giang" },
];
const NEED_SETS: NeedCode[][] = [["food"], ["parenting", "fathers"], ["pregnancy", "child-health", "development"], ["housing", "income"], ["child-protection", "family-safety", "mental-health"]];
const LANGUAGE_SETS = [["vi"], ["en", "es"], ["cs"], ["vi", "cs"], []];

export const FAMILIES: Answers[] = PLACES.flatMap((place, p) =>
  NEED_SETS.map((needs, n) => ({
    ...EMPTY_ANSWERS,
    answered: [...STEPS],
    // Who asks decides which services for one sex only a family may get.
    role: (["mother", "father", "grandparent"] as const)[(p + 2 * n) % 3]!,
    pregnant: n === 2,
    childAgesMonths: [8 + n * 6, 40],
    place,
    needs,
    languages: LANGUAGE_SETS[(p + n) % LANGUAGE_SETS.length]!,
    freeOnly: (p + n) % 3 === 0,
    eveningsOrWeekends: (p + n) % 4 === 0,
    noCar: (p + n) % 5 === 0,
  })),
);
