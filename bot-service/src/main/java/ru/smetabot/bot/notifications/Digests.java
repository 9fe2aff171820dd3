package ru.smetabot.bot.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.DigestData.Owner;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;

/**
 * Sends the digests that are due: for each kind, the latest period (unless stale), every owner not yet
 * served for it: compose, claim, send, mark. Safe to run on several instances at once and again after a
 * restart: the claim in {@link DigestDeliveries} lets one of them send each digest, once.
 */
@Service
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    /** Longer than any send can take (3 attempts of BOT_CALL_TIMEOUT plus Telegram's short waits). */
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final DigestSchedule schedule;
    private final DigestQueries queries;
    private final DigestDeliveries deliveries;
    private final BotGateway gateway;
    private final Texts texts;
    private final DigestMetrics metrics;
    private final DigestProperties properties;
    private final Clock clock;

    Digests(DigestSchedule schedule, DigestQueries queries, DigestDeliveries deliveries, BotGateway gateway, Texts texts,
            DigestMetrics metrics, DigestProperties properties, ObjectProvider<Clock> clock) {
        this.schedule = schedule;
        this.queries = queries;
        this.deliveries = deliveries;
        this.gateway = gateway;
        this.texts = texts;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One run's numbers; {@code owners} were due, {@code skipped} had nothing to report. */
    public record Report(DigestKind kind, LocalDate period, int owners, int sent, int failed, int skipped, Instant nextRetry) {
    }

    private enum Outcome { SENT, FAILED, SKIPPED, TAKEN }

    public List<Report> runDue() {
        Instant now = clock.instant();
        for (DigestDeliveries.Abandoned lost : deliveries.abandon(LEASE, now)) {
            metrics.digest(lost.kind(), "abandoned");
            log.warn("{} digest of {} for owner {}: the instance sending it stopped mid-send; not resent, as the owner may have it",
                    lost.kind().dbValue(), lost.period(), lost.ownerId());
        }
        List<Report> reports = new ArrayList<>();
        // Owners who chose a zone or an hour in "⚙️ Настройки" are due at their own local time; the rest on DIGEST_*.
        for (DigestQueries.OwnerSchedule chosen : queries.ownerSchedules()) {
            DigestSchedule owners = schedule.forOwner(zone(chosen.timeZone()), chosen.digestHour());
            for (DigestKind kind : DigestKind.values()) {
                owners.due(kind, now).map(period -> run(period, now, chosen, owners))
                        // A chosen schedule nobody was due on is no news; the configured one always reports.
                        .filter(report -> report.owners() > 0 || (chosen.timeZone() == null && chosen.digestHour() == null))
                        .ifPresent(reports::add);
            }
        }
        return reports;
    }

    private static java.time.ZoneId zone(String id) {
        try {
            return id == null ? null : java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            log.warn("Digests: owners with the unknown zone '{}' get the configured one", id);
            return null;
        }
    }

    private Report run(DigestPeriod period, Instant now, DigestQueries.OwnerSchedule chosen, DigestSchedule schedule) {
        List<Owner> owners = queries.pendingOwners(period, now, chosen);
        int sent = 0;
        int failed = 0;
        int skipped = 0;
        for (Owner owner : owners) {
            switch (deliver(owner, period, now, schedule)) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
                case TAKEN -> { }
            }
        }
        Instant nextRetry = failed > 0 ? deliveries.nextRetry(period) : null;
        if (sent + failed > 0) {
            log.info("{} digest of {} (due {} {}): {} owners due, {} sent, {} failed{}, {} with nothing to report",
                    period.kind().dbValue(), period.date(), period.dueAt().atZone(schedule.zone()).toLocalTime(), schedule.zone(),
                    owners.size(), sent, failed, nextRetry == null ? "" : " (retried from " + nextRetry + ")", skipped);
        }
        return new Report(period.kind(), period.date(), owners.size(), sent, failed, skipped, nextRetry);
    }

    private Outcome deliver(Owner owner, DigestPeriod period, Instant now, DigestSchedule schedule) {
        Locale locale = Texts.localeOf(owner.languageCode());
        Optional<String> text = compose(owner, period, locale, schedule);
        if (text.isEmpty()) {
            deliveries.empty(owner.id(), period, now);
            metrics.digest(period.kind(), "skipped");
            return Outcome.SKIPPED;
        }
        Optional<Integer> attempt = deliveries.claim(owner.id(), period, now);
        if (attempt.isEmpty()) {
            return Outcome.TAKEN; // another instance has it
        }
        try {
            int messageId = gateway.send(owner.tgUserId(), Screen.text(text.get())).getMessageId();
            deliveries.sent(owner.id(), period, messageId, clock.instant());
            metrics.digest(period.kind(), "sent");
            return Outcome.SENT;
        } catch (BotApiException e) {
            if (e.isForbidden() || e.errorCode() == 400) {
                deliveries.rejected(owner.id(), period, clock.instant(), e.getMessage());
                log.warn("{} digest of {} for owner {} refused by Telegram, not retried: {}", period.kind().dbValue(),
                        period.date(), owner.id(), e.getMessage());
            } else {
                failed(owner, period, attempt.get(), e.retryAfter(), e.getMessage());
            }
        } catch (RuntimeException e) {
            failed(owner, period, attempt.get(), Duration.ZERO, String.valueOf(e));
            log.error("{} digest of {} for owner {} failed", period.kind().dbValue(), period.date(), owner.id(), e);
        }
        metrics.digest(period.kind(), "failed");
        return Outcome.FAILED;
    }

    private void failed(Owner owner, DigestPeriod period, int attempt, Duration retryAfter, String error) {
        Duration backoff = properties.retryBackoff().multipliedBy(Math.min(attempt, 12));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        Instant now = clock.instant();
        Instant retryAt = now.plus(retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff);
        deliveries.failed(owner.id(), period, now, retryAt, error);
        log.warn("{} digest of {} for owner {} not sent (attempt {}), retried at {}: {}", period.kind().dbValue(),
                period.date(), owner.id(), attempt, retryAt, error);
    }

    private Optional<String> compose(Owner owner, DigestPeriod period, Locale locale, DigestSchedule schedule) {
        return switch (period.kind()) {
            case DAILY -> DigestView.daily(queries.daily(owner.id(), period), texts, locale, schedule.zone());
            case WEEKLY -> DigestView.weekly(queries.weekly(owner.id(), period), properties.topFiles(), texts, locale,
                    schedule.zone());
        };
    }
}
