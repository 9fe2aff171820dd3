/**
 * Periodic jobs across bot instances: {@link ru.smetabot.bot.jobs.OncePerPeriod} lets one instance run a job per
 * period (the join-request sweep, member reconciliation, claim cleanup); jobs whose work is claimed row by row
 * (update retries, digests) run on every instance and share the work instead.
 */
package ru.smetabot.bot.jobs;
