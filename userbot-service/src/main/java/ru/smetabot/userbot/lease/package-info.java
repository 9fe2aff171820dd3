/**
 * Several userbot instances over one PostgreSQL: a lease per account ({@code core.userbot_leases}) decides which
 * instance opens the account's Telegram session; the holder renews it, a stopping instance releases it, and another
 * instance takes an expired one over on the next request for the account.
 */
package ru.smetabot.userbot.lease;
