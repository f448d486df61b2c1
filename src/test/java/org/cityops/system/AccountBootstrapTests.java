package org.cityops.system;

import java.nio.file.Path;

import org.cityops.CityOpsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without demo data nobody can sign in unless the first administrator's password is
 * configured.
 */
class AccountBootstrapTests {

	@TempDir
	Path dataDir;

	/**
	 * Command-line arguments, which override application.properties as they would for an
	 * operator.
	 */
	private ConfigurableApplicationContext run(String... extra) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--cityops.demo=false",
				"--server.port=0", "--cityops.data-dir=" + this.dataDir, "--cityops.embedded-db.temporary=true"));
		args.addAll(java.util.List.of(extra));
		return new SpringApplicationBuilder(CityOpsApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void refusesToStartWithoutDemoDataOrAnAdministratorPassword() {
		assertThatThrownBy(() -> run("--cityops.admin.password="))
			.hasStackTraceContaining("No administrator account exists and demo data is off");
	}

	@Test
	void createsOnlyTheConfiguredAdministratorAndNoDemoData() {
		try (ConfigurableApplicationContext context = run("--cityops.admin.password=a-long-enough-secret")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username || ':' || role from staff_account").query(String.class).list())
				.containsExactly("admin:ADMIN");
			assertThat(jdbc.sql("select count(*) from grid_version").query(Long.class).single()).isZero();
			assertThat(java.util.Arrays.stream(context.getBeanDefinitionNames())
				.map((name) -> org.springframework.aop.support.AopUtils.getTargetClass(context.getBean(name))
					.getName()))
				.as("no bean of the demo module without the demo")
				.noneMatch((type) -> type.startsWith("org.cityops.demo."));
		}
	}

}
