# One image for the API and the worker (the command picks which).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false
COPY . .
USER node
CMD ["node", "--import", "tsx", "api/server.ts"]
