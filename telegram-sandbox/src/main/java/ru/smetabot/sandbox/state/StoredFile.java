package ru.smetabot.sandbox.state;

/** An uploaded file, addressed by its Bot API file_id. */
public record StoredFile(String fileId, String fileUniqueId, String fileName, String mimeType, byte[] content) {

    public int size() {
        return content.length;
    }
}
