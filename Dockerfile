# syntax=docker/dockerfile:1
# Build:  docker build -t provenant .
# Run:    docker run -p 8080:8080 provenant                 (embedded Neo4j, store in /app/data)
#         docker run -p 8080:8080 -e NEO4J_URI=bolt://host:7687 \
#           -e NEO4J_USERNAME=neo4j -e NEO4J_PASSWORD=... provenant   (external Neo4j)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY cypher cypher
COPY graphql-schema graphql-schema
# The cache mount keeps both the Maven distribution (fetched by mvnw) and the
# dependencies in ~/.m2 between builds.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -q -DskipTests package \
    && cp target/provenant-*.jar app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 provenant \
    && useradd --system --uid 10001 --gid provenant --home-dir /app --no-create-home provenant
WORKDIR /app
# /app/data holds the embedded Neo4j store (used only when NEO4J_URI is unset);
# mount a volume there to keep it.
# /app/shared is where replicas keep what they must share (signing key, API keys file).
RUN mkdir -p /app/data /app/shared && chown provenant:provenant /app /app/data /app/shared
COPY --from=build --chown=provenant:provenant /workspace/app.jar /app/app.jar
USER 10001
EXPOSE 8080
# curl ships with the Ubuntu-based Temurin images.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health > /dev/null || exit 1
# JVM flags go in JAVA_TOOL_OPTIONS (e.g. -XX:MaxRAMPercentage=50).
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
