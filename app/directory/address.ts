/**
 * Postal addresses as people of the address's country write them on one line.
 */
export interface PostalAddress {
  /** Street lines, joined. */
  line: string;
  city: string;
  postalCode: string;
  stateProvince: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** "1234 Main St, Long Beach, CA 90805" in the United States; "Údolní 15, 602 00 Brno" and the like elsewhere. */
export function formatAddress(address: PostalAddress): string {
  const { line, city, postalCode, stateProvince, country } = address;
  const parts =
    country === "US"
      ? [line, city, [stateProvince, postalCode].filter(Boolean).join(" ")]
      : [line, [postalCode, city].filter(Boolean).join(" "), stateProvince];
  return parts.filter(Boolean).join(", ");
}
