package org.cityops.system;

import java.util.List;

import org.cityops.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in. Without the demo (whose module makes its own accounts
 * through {@link AccountSeeding}) the first administrator comes from
 * {@code cityops.admin.username} and {@code cityops.admin.password}, and start-up stops
 * with an explanation when neither an administrator nor that password exists.
 */
@Component
class AccountBootstrap implements InitializingBean, AccountSeeding {

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
		if (!this.demo && this.accounts.countWithRole(Role.ADMIN) == 0) {
			createFirstAdministrator();
		}
	}

	@Override
	public boolean staffIfAbsent(String username, String displayName, String password, Role role) {
		return this.accounts.createIfAbsent(username, displayName, password, role, true);
	}

	@Override
	public boolean clientIfAbsent(String name, List<String> scopes, String key) {
		if (this.clients.exists(name)) {
			return false;
		}
		this.clients.create(name, scopes, null, "demo", key, true);
		return true;
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
