package ru.smetabot.userbot.lease;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.userbot.gateway.TelegramGateway;

/** The lease manager over whichever gateway is configured. */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

    @Bean
    InstanceIdentity instanceIdentity(InstanceProperties properties) {
        return new InstanceIdentity(properties);
    }

    @Bean
    AccountLeases accountLeases(LeaseStore store, InstanceIdentity instance, InstanceProperties properties,
            TelegramGateway gateway, MeterRegistry meters) {
        return new AccountLeases(store, instance, properties, gateway, meters);
    }

    @Bean
    LeaseRenewals leaseRenewals(AccountLeases leases, InstanceProperties properties) {
        return new LeaseRenewals(leases, properties);
    }
}
