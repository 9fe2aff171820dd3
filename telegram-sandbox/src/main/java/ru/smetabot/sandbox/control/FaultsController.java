package ru.smetabot.sandbox.control;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.faults.Fault;
import ru.smetabot.sandbox.faults.Faults;
import ru.smetabot.sandbox.updates.Json;

/** Switching faults on and off. */
@RestController
@RequestMapping("/sandbox/api/faults")
class FaultsController {

    private final Faults faults;

    FaultsController(Faults faults) {
        this.faults = faults;
    }

    /** {"target":"sendMessage","kind":"FLOOD_WAIT","seconds":17,"times":1,"chat_id":null}; see README. */
    record NewFault(String target, Fault.Kind kind, Integer seconds, Integer latencyMs, Integer times, Long chatId) {
    }

    @PostMapping
    Fault add(@RequestBody NewFault f) {
        return faults.add(f.target(), f.kind(), f.seconds(), f.latencyMs(), f.times(), f.chatId());
    }

    @GetMapping
    List<Fault> list() {
        return faults.list();
    }

    @DeleteMapping("/{id}")
    Map<String, Object> remove(@PathVariable String id) {
        return Json.obj("removed", faults.remove(id));
    }

    @DeleteMapping
    Map<String, Object> clear() {
        faults.clear();
        return Json.obj("ok", true);
    }
}
