package org.cityops.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: the system clock (in demo mode the demo module's
 * clock, which its history generator may pin); tests replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityops.demo", havingValue = "false")
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
