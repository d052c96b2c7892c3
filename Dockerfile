# One image for the API and the worker (the command picks which).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false
COPY . .
# Workers load the workflow bundle built here instead of bundling (webpack) at every start.
RUN npm run build:workflows -- /app/dist/workflows.js
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflows.js
USER node
CMD ["node", "--import", "tsx", "api/server.ts"]
