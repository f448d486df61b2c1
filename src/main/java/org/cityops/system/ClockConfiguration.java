package org.cityops.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application (a thread may pin it, see {@code PinnedClock}); tests
 * replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return new org.cityops.shared.PinnedClock(Clock.systemUTC());
	}

}
