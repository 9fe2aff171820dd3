package ru.smetabot.model;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The shared data model: entities, repositories and the few SQL services (upserts) every service
 * uses. A service imports it with {@code @Import(SmetabotModel.class)}; its defaults (schema
 * validation, no open-in-view, Flyway locations) come from {@code smetabot-model.properties}.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = SmetabotModel.class)
@EnableJpaRepositories(basePackageClasses = SmetabotModel.class)
@ComponentScan(basePackageClasses = SmetabotModel.class)
@PropertySource("classpath:smetabot-model.properties")
public class SmetabotModel {
}
