package org.cityops.demo;

import java.util.List;

import org.cityops.shared.Role;
import org.cityops.system.AccountSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One demo account per role, password {@value #PASSWORD}, and the machine client
 * {@code hotline-12345} with the key {@value #HOTLINE_KEY}, made at start-up when they do
 * not exist.
 */
@Component
@ConditionalOnProperty(name = "cityops.demo", havingValue = "true", matchIfMissing = true)
class DemoAccounts implements InitializingBean {

	static final String PASSWORD = "cityops-demo";

	static final String HOTLINE_KEY = "cityops-demo-hotline-key";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountSeeding seeding;

	DemoAccounts(AccountSeeding seeding) {
		this.seeding = seeding;
	}

	@Override
	public void afterPropertiesSet() {
		staff("admin", "系统管理员", Role.ADMIN);
		staff("operator", "城运中心值班员", Role.OPERATOR);
		staff("inspector", "网格巡查员", Role.INSPECTOR);
		staff("handler", "城管执法中队", Role.HANDLER);
		staff("committee", "居委会", Role.COMMITTEE);
		staff("leader", "镇领导", Role.LEADER);
		if (this.seeding.clientIfAbsent("hotline-12345", List.of("hotline"), HOTLINE_KEY)) {
			log.info("Demo API client 'hotline-12345' created with the demo key");
		}
	}

	private void staff(String username, String displayName, Role role) {
		if (this.seeding.staffIfAbsent(username, displayName, PASSWORD, role)) {
			log.info("Demo account '{}' ({}) created with the demo password", username, role);
		}
	}

}
