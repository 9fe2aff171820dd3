/**
 * Contractors: the Telegram users who own rooms ({@code core.contractors}).
 * Other packages refer to a contractor by its id.
 */
package ru.smetabot.model.contractors;
