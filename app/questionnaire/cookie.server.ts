/**
 * The questionnaire's answers live in a signed, HTTP-only session cookie: not in URLs (browser
 * history can be seen by others at home), not in server logs, and no account is needed. The cookie
 * ends when the browser closes.
 */
import { createCookie } from "react-router";
import { cookieSecret, secureCookies } from "~/config.server";
import { sanitizeAnswers, type Answers } from "./answers";

const answersCookie = createCookie("fn_answers", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: secureCookies,
  secrets: [cookieSecret],
});

export async function readAnswers(request: Request): Promise<Answers> {
  try {
    return sanitizeAnswers(await answersCookie.parse(request.headers.get("Cookie")));
  } catch {
    // A garbled or forged cookie is treated as no answers.
    return sanitizeAnswers(null);
  }
}

export function answersCookieHeader(answers: Answers): Promise<string> {
  return answersCookie.serialize(answers);
}
