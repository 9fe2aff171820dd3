# userbot-service image, with TDLib's libtdjson.so (1.8.67) for the image's architecture (amd64 or arm64).
# Build context: the repository root (docker-compose.yml sets it; .dockerignore keeps .env, data/, target/ and .git out).
# Works with BuildKit (docker compose v2, docker buildx) and the classic builder (docker-compose 1.29).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: this layer is reused until a pom.xml changes, so a source edit does not download them again.
COPY pom.xml ./
COPY db-migrations/pom.xml db-migrations/
COPY common-model/pom.xml common-model/
COPY telegram-sandbox/pom.xml telegram-sandbox/
COPY userbot-service/pom.xml userbot-service/
COPY worker-service/pom.xml worker-service/
COPY bot-service/pom.xml bot-service/
COPY local-suite/pom.xml local-suite/
RUN mvn -B -q -pl userbot-service -am dependency:go-offline
COPY . .
# Spring Boot's layered jar, extracted: dependencies, loader, snapshot dependencies (our modules), application
# change in that order of frequency, so each is its own image layer and a code change ships only the last ones.
RUN mvn -B -q -DskipTests package -pl userbot-service -am \
    && java -Djarmode=tools -jar userbot-service/target/userbot-service-exec.jar extract --layers --launcher --destination /layers

# libtdjson.so from npm (scripts/fetch-tdlib.sh names the package and version): @prebuilt-tdlib/linux-x64-glibc on
# amd64, @prebuilt-tdlib/linux-arm64-glibc on arm64. BuildKit sets TARGETARCH; the classic builder builds for the
# machine it runs on, which fetch-tdlib.sh detects when TARGETARCH is empty.
FROM node:24-bookworm-slim AS tdlib
ARG TARGETARCH
COPY scripts/fetch-tdlib.sh /tdlib/fetch-tdlib.sh
RUN TDLIB_ARCH="$TARGETARCH" bash /tdlib/fetch-tdlib.sh /tdlib/lib

FROM eclipse-temurin:17-jre
# The base image has curl (the compose health checks and worker-cli use it).
RUN useradd --system --uid 10001 smetabot && mkdir -p /app/sessions && chown smetabot /app/sessions
COPY --from=tdlib /tdlib/lib/libtdjson.so /app/lib/libtdjson.so
USER smetabot
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
ENV TDLIB_PATH=/app/lib/libtdjson.so SESSIONS_DIR=/app/sessions
# Heap as a share of the container's memory limit; docker-compose.yml sets JAVA_TOOL_OPTIONS per service.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
