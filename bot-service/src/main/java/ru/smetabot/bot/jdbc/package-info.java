/**
 * Transactions for paths that use only plain SQL ({@code JdbcClient}): the join-request decisions and chat_member
 * updates, where a JPA transaction's session would be opened and closed around statements that never use it.
 */
package ru.smetabot.bot.jdbc;
