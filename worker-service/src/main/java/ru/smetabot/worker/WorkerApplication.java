package ru.smetabot.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import ru.smetabot.model.SmetabotModel;

/** Background jobs on Quartz: the periodic views refresh and refreshes on demand. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SmetabotModel.class)
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
