import type { Db } from "~/db.server";
import { createLoadContext } from "~/entry.server";

/**
 * What React Router hands a loader or action on our server: the request as it arrived
 * (`v8_passThroughRequests`), the page's address as a URL, the route's params and the database.
 */
export function routeArgs(request: Request, params: Record<string, string>, db: Db): never {
  return { request, url: new URL(request.url), params, context: createLoadContext(db) } as never;
}
