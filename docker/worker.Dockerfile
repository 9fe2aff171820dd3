# worker-service image, with worker-cli on the PATH (docker compose exec worker worker-cli active).
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
RUN mvn -B -q -pl worker-service -am dependency:go-offline
COPY . .
# Spring Boot's layered jar, extracted: dependencies, loader, snapshot dependencies (our modules), application
# change in that order of frequency, so each is its own image layer and a code change ships only the last ones.
RUN mvn -B -q -DskipTests package -pl worker-service -am \
    && java -Djarmode=tools -jar worker-service/target/worker-service-exec.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
# The base image has curl (the compose health checks and worker-cli use it).
RUN useradd --system --uid 10001 smetabot
COPY worker-service/scripts/worker-cli /usr/local/bin/worker-cli
USER smetabot
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Heap as a share of the container's memory limit; docker-compose.yml sets JAVA_TOOL_OPTIONS per service.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
