package ru.smetabot.sandbox.state;

/** A photo as sent: the stored image and its size in pixels (the sandbox keeps one size, the original). */
public record Photo(StoredFile file, int width, int height) {
}
