/** Bookkeeping of periodic jobs shared by several instances (core.job_runs). */
package ru.smetabot.model.jobs;
