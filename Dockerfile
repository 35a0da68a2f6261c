# One image for every Switchboard service: build the whole workspace once,
# choose the service at run time (compose/k8s `command`) or with SERVICE.
#   docker build -t switchboard:local .
#   docker build -t switchboard-intake --build-arg SERVICE=intake .

FROM node:22-slim AS build
WORKDIR /app
# Nx: no daemon or remote cache inside an image build.
ENV NX_DAEMON=false NX_NO_CLOUD=true
# Lockfile first so the dependency layer survives source-only changes.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The build copies what is read at run time (.proto files, knowledge articles) into dist beside the code.
# Root owns the files; the app runs as "node" and cannot modify its own code.
USER node
ARG SERVICE=intake
ENV SERVICE=${SERVICE}
# exec: node must be PID 1 to get SIGTERM and shut down gracefully.
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
