package ru.smetabot.bot.jdbc;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TransactionTemplate} on a {@link DataSourceTransactionManager} of the application's data source, for
 * transactions made only of {@code JdbcClient} statements. The application's own template runs on the JPA transaction
 * manager, which opens and flushes a Hibernate session for every transaction; the join-request storm has two short
 * transactions per request, so that work is skipped here. Not a transaction manager bean, so {@code @Transactional}
 * and the auto-configured template stay on JPA. Code inside must not use JPA repositories: they would run outside
 * this transaction.
 */
@Component
public class JdbcTransactions {

    private final TransactionTemplate template;

    public JdbcTransactions(DataSource dataSource) {
        this.template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The template; its callbacks may use {@code JdbcClient} and {@code JdbcTemplate} only. */
    public TransactionTemplate template() {
        return template;
    }
}
