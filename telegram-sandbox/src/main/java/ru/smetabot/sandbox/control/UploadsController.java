package ru.smetabot.sandbox.control;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.smetabot.sandbox.channels.ChannelService;
import ru.smetabot.sandbox.control.Views.MessageView;
import ru.smetabot.sandbox.dialogs.DialogService;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;

/**
 * The page's file picker: the same paths as the JSON uploads, as {@code multipart/form-data} with a
 * {@code file} part and an optional {@code caption}, so a browser sends the file as it is.
 */
@RestController
@RequestMapping("/sandbox/api")
class UploadsController {

    private final SandboxState state;
    private final DialogService dialogs;
    private final ChannelService channels;

    UploadsController(SandboxState state, DialogService dialogs, ChannelService channels) {
        this.state = state;
        this.dialogs = dialogs;
        this.channels = channels;
    }

    @PostMapping(path = "/users/{userId}/bots/{botId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MessageView toBot(@PathVariable long userId, @PathVariable long botId, @RequestParam("file") MultipartFile file,
                      @RequestParam(name = "caption", required = false) String caption) {
        return state.locked(() -> Views.message(dialogs.userSends(userId, botId, blankToNull(caption), store(file)),
                userId, false));
    }

    @PostMapping(path = "/channels/{chatId}/posts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MessageView toChannel(@PathVariable long chatId, @RequestParam("user_id") long userId,
                          @RequestParam("file") MultipartFile file,
                          @RequestParam(name = "caption", required = false) String caption) {
        return state.locked(() -> Views.message(channels.post(chatId, userId, blankToNull(caption), store(file), null),
                userId, true));
    }

    private StoredFile store(MultipartFile file) {
        if (file.isEmpty() || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw SandboxException.badRequest("a non-empty file with a name is required", null);
        }
        String mime = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        try {
            return state.storeFile(file.getOriginalFilename(), mime, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String caption) {
        return caption == null || caption.isBlank() ? null : caption;
    }
}
