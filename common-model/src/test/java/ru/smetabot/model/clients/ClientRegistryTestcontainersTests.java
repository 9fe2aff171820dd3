package ru.smetabot.model.clients;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same contract on PostgreSQL in a container, where a Docker engine exists (GitHub's runners);
 * skipped, never failed, without one.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class ClientRegistryTestcontainersTests extends ClientRegistryContract {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
}
