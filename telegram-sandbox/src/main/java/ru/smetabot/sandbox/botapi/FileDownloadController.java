package ru.smetabot.sandbox.botapi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.state.SandboxState;

/** Downloads by the file_path that getFile returns: /file/bot{token}/documents/{file_id}. */
@RestController
class FileDownloadController {

    private final SandboxState state;

    FileDownloadController(SandboxState state) {
        this.state = state;
    }

    @GetMapping("/file/bot{token}/documents/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable String token, @PathVariable String fileId) {
        if (state.locked(() -> state.botByToken(token)).isEmpty()) {
            return ResponseEntity.status(401).build();
        }
        return state.locked(() -> state.file(fileId))
                .map(f -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.fileName() + "\"")
                        .contentType(MediaType.parseMediaType(f.mimeType()))
                        .body(f.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
