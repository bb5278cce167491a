import { isRouteErrorResponse } from "react-router";

/** The status of the response a loader or action throws (a Response, a route error, or data() with init). */
export async function thrownStatus(run: () => unknown): Promise<number> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error.status;
    if (isRouteErrorResponse(error)) return error.status;
    if (error && typeof error === "object" && "init" in error) return (error as { init: { status: number } }).init.status;
    throw error;
  }
  throw new Error("expected a thrown response");
}
