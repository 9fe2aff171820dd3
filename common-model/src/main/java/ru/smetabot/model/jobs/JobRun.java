package ru.smetabot.model.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a periodic job across all instances (written by bot-service's {@code OncePerPeriod}): which
 * instance ran it, when it started and, once done, when it finished.
 */
@Entity
@Table(schema = "core", name = "job_runs")
public class JobRun {

    @Id
    private Long id;

    @Column(nullable = false)
    private String job;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private String instance;

    protected JobRun() {
    }

    public Long getId() {
        return id;
    }

    public String getJob() {
        return job;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getInstance() {
        return instance;
    }
}
