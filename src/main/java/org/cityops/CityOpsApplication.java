package org.cityops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CityOps: one network to see and run a town (一网统管). Each top-level package is one
 * business capability.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CityOpsApplication {

	public static void main(String[] args) {
		SpringApplication.run(CityOpsApplication.class, args);
	}

}
