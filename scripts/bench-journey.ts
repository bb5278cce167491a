/** `npm run bench`, second part: the family's journey (matching, results throughput, page weight). */
import { benchJourney } from "./bench/journey";
import { syntheticDatabase, syntheticFile } from "./bench/databases";

await benchJourney(syntheticDatabase, syntheticFile);
