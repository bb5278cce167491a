import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  future: {
    v8_middleware: true,
    // Loaders get the request as it arrived, not a copy per loader with React Router's own query
    // parameters removed (two `new Request`s each, ~2.5 % of a results page's CPU). They read the
    // page's address from `url`, which React Router normalizes, never from `request.url`.
    v8_passThroughRequests: true,
  },
} satisfies Config;
