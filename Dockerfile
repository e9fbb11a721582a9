# Baton server image: the GraphQL API and the built editor, production dependencies only.
#
#   docker build -t baton .
#   docker run -p 4000:4000 -e BATON_ADMIN_KEY=... -v baton-data:/var/lib/baton baton
#
# With MONGODB_URI set the server stores everything in MongoDB (see docker-compose.yml);
# without it, in the embedded SQLite file under BATON_DATA_DIR.
#
# Every stage starts from the same image so that better-sqlite3, compiled in one stage, loads
# in the runtime stage (same Node ABI, same glibc).
# Node 24 is the current long-term-support line; the suite also runs on 20 and 22 (package.json
# "engines", .github/workflows/ci.yml).
ARG NODE_IMAGE=node:24-bookworm-slim

# Package manifests and the compiler toolchain better-sqlite3 needs when no prebuilt binary
# matches (node-gyp: python3, make, g++).
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY schemas/package.json schemas/
COPY rules/package.json rules/
COPY seed/package.json seed/
COPY server/package.json server/
COPY editor/package.json editor/
COPY examples/bot/package.json examples/bot/

# All dependencies exactly as the lockfile pins them, then `npm run build`: tsc over every
# workspace and Vite for the editor.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY schemas schemas
COPY rules rules
COPY seed seed
COPY server server
COPY editor editor
COPY examples examples
RUN npm run build \
  && find schemas/dist rules/dist seed/dist server/dist -name '*.test.*' -delete

# Production dependencies only, with better-sqlite3 compiled here so the runtime stage needs no
# toolchain.
FROM toolchain AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# MALLOC_ARENA_MAX: glibc's malloc keeps one arena per thread that allocates (V8's helper
# threads, the WAL checkpointer); two hold about 18 MB less under load (README, Benchmark).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    BATON_DATA_DIR=/var/lib/baton \
    MALLOC_ARENA_MAX=2
WORKDIR /app
# The manifests and node_modules, including the workspaces' own (rules/node_modules,
# server/node_modules) and the @baton/* links into them.
COPY --from=production-dependencies /app ./
COPY --from=build /app/schemas/dist schemas/dist
COPY --from=build /app/rules/dist rules/dist
COPY --from=build /app/seed/dist seed/dist
COPY --from=build /app/server/dist server/dist
# Served at / by server/dist/http/editor-assets.js, which looks in ../../../editor/dist.
COPY --from=build /app/editor/dist editor/dist
# The code stays root-owned (read-only to the server); only the data directory is writable.
RUN mkdir -p /var/lib/baton && chown node:node /var/lib/baton
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
