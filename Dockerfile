# The Interphase API as a container. Used by docker-compose.yml beside neo4j:5.26-community;
# it needs NEO4J_URI / NEO4J_PASSWORD (the bundled Maven-fetched Neo4j is for machines without Docker).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# the dashboard's static assets (dashboard/dist), bundled with esbuild, a development dependency
COPY dashboard ./dashboard
RUN npm run build:dashboard

FROM node:20-bookworm-slim
# The V8 heap limit is set explicitly (README "Memory"); override NODE_OPTIONS to change it.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=1024 \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/dashboard/dist ./dashboard/dist
COPY schema ./schema
COPY seed ./seed
COPY mappings ./mappings
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]
