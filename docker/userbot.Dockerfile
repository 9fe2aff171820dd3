# userbot-service image, with TDLib's libtdjson.so (1.8.67) taken from its npm package.
# Build context: the repository root (docker-compose.yml sets it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl userbot-service -am

FROM node:20-bookworm-slim AS tdlib
WORKDIR /tdlib
RUN npm pack --silent @prebuilt-tdlib/linux-x64-glibc@0.1008067.0 \
    && tar -xzf prebuilt-tdlib-linux-x64-glibc-0.1008067.0.tgz package/libtdjson.so

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 smetabot && mkdir -p /app/sessions && chown smetabot /app/sessions
USER smetabot
WORKDIR /app
COPY --from=tdlib /tdlib/package/libtdjson.so /app/lib/libtdjson.so
COPY --from=build /src/userbot-service/target/userbot-service-exec.jar app.jar
ENV TDLIB_PATH=/app/lib/libtdjson.so SESSIONS_DIR=/app/sessions
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
