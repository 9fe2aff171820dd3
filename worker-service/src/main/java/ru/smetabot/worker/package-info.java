/**
 * worker-service: Quartz (JDBC job store, clustered) running the views refresh every 30 minutes
 * and on demand. Feature package: refresh.
 */
package ru.smetabot.worker;
