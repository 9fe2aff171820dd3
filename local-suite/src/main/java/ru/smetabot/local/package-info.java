/**
 * The local run: embedded PostgreSQL, telegram-sandbox and the three services as separate
 * processes configured as in production, started by one command ({@code ./run-local}).
 */
package ru.smetabot.local;
