package ru.smetabot.bot.onboarding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.account.ConnectedAccounts;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.userbotapi.UserbotException;

/** Reads an owner's {@link Checklist}: the userbot's session status, and their rooms, links and files. */
@Service
class OnboardingProgress {

    private static final Logger log = LoggerFactory.getLogger(OnboardingProgress.class);

    private final ConnectedAccounts accounts;
    private final JdbcClient jdbc;

    OnboardingProgress(ConnectedAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    Checklist of(Contractor contractor) {
        Boolean account;
        try {
            account = accounts.isConnected(contractor.getTgUserId());
        } catch (UserbotException e) {
            log.warn("Onboarding of {}: session status unavailable ({}); the account line shows as not done",
                    contractor.getTgUserId(), e.getMessage());
            account = null;
        }
        return jdbc.sql("""
                SELECT (SELECT max(c.id) FROM core.channels c WHERE c.contractor_id = :owner AND NOT c.deleted) AS room,
                       EXISTS (SELECT 1 FROM core.invites i JOIN core.channels c ON c.id = i.channel_id
                                WHERE c.contractor_id = :owner AND NOT c.deleted) AS link,
                       EXISTS (SELECT 1 FROM core.publications p JOIN core.channels c ON c.id = p.channel_id
                                WHERE c.contractor_id = :owner AND NOT c.deleted AND NOT p.deleted) AS file
                """).param("owner", contractor.getId())
                .query((rs, n) -> {
                    long room = rs.getLong("room");
                    boolean hasRoom = !rs.wasNull();
                    return new Checklist(null, hasRoom, rs.getBoolean("link"), rs.getBoolean("file"), hasRoom ? room : null);
                })
                .single().withAccount(account);
    }
}
