import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/language-redirect.tsx"),
  route(":lang", "routes/language-layout.tsx", [
    index("routes/home.tsx"),
    route("search", "routes/search.tsx"),
    route("services/:serviceId", "routes/service.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
