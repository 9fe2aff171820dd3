# bot-service image. Build context: the repository root (docker-compose.yml sets it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl bot-service -am

FROM eclipse-temurin:17-jre
# The charts ("📈 График") are drawn by XChart on headless AWT: it needs fontconfig and a font with Cyrillic.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 smetabot
USER smetabot
WORKDIR /app
COPY --from=build /src/bot-service/target/bot-service-exec.jar app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
