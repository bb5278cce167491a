/**
 * Emergency and crisis lines per region: exactly the numbers in ../shared/reference/crisis-lines.md,
 * kept here and nowhere else so a deployment re-checks one list. Names and notes are in
 * locales/<lang>/common.json under crisis.lines.<id>. `dial` is what a tel: link calls.
 * Lines marked V* there show the number, never the doubtful hours.
 */
import type { RegionCode } from "~/regions";

export interface CrisisLine {
  id: string;
  /** As shown. */
  number: string;
  dial: string;
  /** Emergency lines are always visible; the others sit one tap away. */
  emergency?: boolean;
  alwaysOpen?: boolean;
  /** Further numbers of the same line (TTY, out-of-state). */
  more?: Array<{ id: string; number: string; dial: string }>;
}

export const CRISIS_LINES: Record<RegionCode, CrisisLine[]> = {
  "us-la": [
    { id: "us-911", number: "911", dial: "911", emergency: true, alwaysOpen: true },
    { id: "us-988", number: "988", dial: "988", emergency: true, alwaysOpen: true },
    {
      id: "us-dv",
      number: "1-800-799-7233",
      dial: "+18007997233",
      alwaysOpen: true,
      more: [{ id: "tty", number: "1-800-787-3224", dial: "+18007873224" }],
    },
    { id: "us-childhelp", number: "1-800-422-4453", dial: "+18004224453", alwaysOpen: true },
    {
      id: "us-dcfs",
      number: "1-800-540-4000",
      dial: "+18005404000",
      alwaysOpen: true,
      more: [
        { id: "outside-california", number: "213-639-4500", dial: "+12136394500" },
        { id: "tdd", number: "1-800-272-6699", dial: "+18002726699" },
      ],
    },
    { id: "us-211", number: "211", dial: "211", alwaysOpen: true, more: [{ id: "toll-free", number: "1-800-339-6993", dial: "+18003396993" }] },
    { id: "us-dmh", number: "1-800-854-7771", dial: "+18008547771", alwaysOpen: true },
    { id: "us-maternal", number: "1-833-852-6262", dial: "+18338526262", alwaysOpen: true },
    { id: "us-parent-youth", number: "1-855-427-2736", dial: "+18554272736" },
    { id: "us-psi", number: "1-800-944-4773", dial: "+18009444773" },
  ],
  "vn-an-giang": [
    { id: "vn-113", number: "113", dial: "113", emergency: true, alwaysOpen: true },
    { id: "vn-114", number: "114", dial: "114", emergency: true, alwaysOpen: true },
    { id: "vn-115", number: "115", dial: "115", emergency: true, alwaysOpen: true },
    { id: "vn-112", number: "112", dial: "112", alwaysOpen: true },
    { id: "vn-111", number: "111", dial: "111", emergency: true, alwaysOpen: true },
    { id: "vn-peace-house", number: "1900 969 680", dial: "1900969680", alwaysOpen: true },
  ],
  "cz-jm": [
    { id: "cz-112", number: "112", dial: "112", emergency: true, alwaysOpen: true },
    { id: "cz-155", number: "155", dial: "155", emergency: true, alwaysOpen: true },
    { id: "cz-158", number: "158", dial: "158", emergency: true, alwaysOpen: true },
    { id: "cz-150", number: "150", dial: "150", alwaysOpen: true },
    { id: "cz-156", number: "156", dial: "156", alwaysOpen: true },
    { id: "cz-116111", number: "116 111", dial: "116111", alwaysOpen: true },
    { id: "cz-116006", number: "116 006", dial: "116006", alwaysOpen: true },
    { id: "cz-parents", number: "606 021 021", dial: "+420606021021" },
    { id: "cz-116000", number: "116 000", dial: "116000" },
    { id: "cz-116123", number: "116 123", dial: "116123" },
    { id: "cz-nadeje", number: "+420 547 212 333", dial: "+420547212333", alwaysOpen: true },
  ],
};
