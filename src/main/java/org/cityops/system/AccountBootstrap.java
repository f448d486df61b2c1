package org.cityops.system;

import org.cityops.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in. In demo mode: one account per role, password
 * {@value #DEMO_PASSWORD}, and a machine client {@code hotline-12345} with the key
 * {@value #DEMO_HOTLINE_KEY}. Otherwise the first administrator comes from
 * {@code cityops.admin.username} and {@code cityops.admin.password}, and start-up stops
 * with an explanation when neither an administrator nor that password exists.
 */
@Component
class AccountBootstrap implements InitializingBean {

	static final String DEMO_PASSWORD = "cityops-demo";

	static final String DEMO_HOTLINE_KEY = "cityops-demo-hotline-key";

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	private final StaffAccounts accounts;

	private final ApiClients clients;

	private final boolean demo;

	private final String adminUsername;

	private final String adminPassword;

	AccountBootstrap(StaffAccounts accounts, ApiClients clients, @Value("${cityops.demo:true}") boolean demo,
			@Value("${cityops.admin.username:admin}") String adminUsername,
			@Value("${cityops.admin.password:}") String adminPassword) {
		this.accounts = accounts;
		this.clients = clients;
		this.demo = demo;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.demo) {
			createDemoAccounts();
		}
		else if (this.accounts.countWithRole(Role.ADMIN) == 0) {
			createFirstAdministrator();
		}
	}

	private void createDemoAccounts() {
		demoAccount("admin", "系统管理员", Role.ADMIN);
		demoAccount("operator", "城运中心值班员", Role.OPERATOR);
		demoAccount("inspector", "网格巡查员", Role.INSPECTOR);
		demoAccount("handler", "城管执法中队", Role.HANDLER);
		demoAccount("committee", "居委会", Role.COMMITTEE);
		demoAccount("leader", "镇领导", Role.LEADER);
		if (!this.clients.exists("hotline-12345")) {
			this.clients.create("hotline-12345", java.util.List.of("hotline"), null, "demo", DEMO_HOTLINE_KEY, true);
			log.info("Demo API client 'hotline-12345' created with the demo key");
		}
	}

	private void demoAccount(String username, String displayName, Role role) {
		if (this.accounts.createIfAbsent(username, displayName, DEMO_PASSWORD, role, true)) {
			log.info("Demo account '{}' ({}) created with the demo password", username, role);
		}
	}

	private void createFirstAdministrator() {
		if (this.adminPassword == null || this.adminPassword.length() < 12) {
			throw new IllegalStateException("""
					No administrator account exists and demo data is off (cityops.demo=false).
					Give the first administrator's password (12 characters or more) with
					--cityops.admin.password=... or the environment variable CITYOPS_ADMIN_PASSWORD.""");
		}
		this.accounts.createIfAbsent(this.adminUsername, "系统管理员", this.adminPassword, Role.ADMIN, false);
		log.info("First administrator '{}' created from configuration", this.adminUsername);
	}

}
