package org.cityops.demo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's clock, the application's clock in demo mode (see {@link DemoClock}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityops.demo", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {

	@Bean
	Clock clock() {
		return new DemoClock(Clock.systemUTC());
	}

}
