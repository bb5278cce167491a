import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/language-redirect.tsx"),
  route(":lang", "routes/language-layout.tsx", [
    index("routes/home.tsx"),
    route("search", "routes/search.tsx"),
    route("services/:serviceId", "routes/service.tsx"),
    route("questionnaire", "routes/questionnaire-start.tsx"),
    route("questionnaire/danger", "routes/questionnaire-danger.tsx"),
    route("questionnaire/summary", "routes/questionnaire-summary.tsx"),
    route("questionnaire/:step", "routes/questionnaire-step.tsx"),
    route("results", "routes/results.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
