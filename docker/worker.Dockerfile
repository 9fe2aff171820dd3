# worker-service image. Build context: the repository root (docker-compose.yml sets it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl worker-service -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 smetabot
USER smetabot
WORKDIR /app
COPY --from=build /src/worker-service/target/worker-service-exec.jar app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
