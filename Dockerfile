# syntax=docker/dockerfile:1
# orggraph's image. The build stage compiles dist/ (npm run build); the runtime stage holds the
# production dependencies, dist/ and the default dataset, and runs the server as an unprivileged
# user. `npm run test:replicas` runs what the runtime stage would (its COPY, RUN, ENV, USER and
# CMD lines, read from this file) without a Docker engine: keep to plain instructions.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 SEED_DIR=/app/seed
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY seed ./seed
# The dataset: mount another one here (read-only is enough) and send SIGHUP to reload it.
VOLUME ["/app/seed"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM from `docker stop` reaches the server, which drains and exits 0.
CMD ["node", "dist/server/main.js"]
