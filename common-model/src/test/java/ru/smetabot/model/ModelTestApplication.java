package ru.smetabot.model;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The smallest application that uses the model, for this module's tests. */
@SpringBootApplication
@Import(SmetabotModel.class)
class ModelTestApplication {
}
