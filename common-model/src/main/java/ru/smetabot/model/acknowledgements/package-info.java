/**
 * Acknowledgements of published files ({@code core.acknowledgements}), the files that ask for one
 * ({@code core.acknowledgement_files}) and the per-room switch ({@code core.acknowledgement_settings}).
 * Written by bot-service with plain SQL; the entities are for reading and schema checks.
 */
package ru.smetabot.model.acknowledgements;
