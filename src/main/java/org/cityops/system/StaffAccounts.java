package org.cityops.system;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.cityops.shared.Role;
import org.cityops.shared.StaffRoles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff who may sign in, each with one {@link Role}. Passwords are stored as BCrypt
 * hashes only.
 */
@Service
class StaffAccounts implements UserDetailsService, StaffRoles {

	private static final String USERNAME_PATTERN = "[a-z0-9._-]{2,40}";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String name = username.trim().toLowerCase(Locale.ROOT);
		return this.jdbc.sql("select username, password_hash, role, enabled from staff_account where username = ?")
			.param(name)
			.query((rs, i) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No staff account " + name));
	}

	/**
	 * Creates the account unless one with that name exists; answers whether it created
	 * it.
	 */
	@Transactional
	boolean createIfAbsent(String username, String displayName, String rawPassword, Role role, boolean demo) {
		if (!username.matches(USERNAME_PATTERN)) {
			throw new IllegalArgumentException("A username is 2 to 40 lower-case letters, digits, '.', '_' or '-'");
		}
		if (rawPassword == null || rawPassword.length() < 8) {
			throw new IllegalArgumentException("A password has at least 8 characters");
		}
		return this.jdbc.sql("""
				insert into staff_account (username, display_name, password_hash, role, demo)
				values (?, ?, ?, ?, ?) on conflict (username) do nothing""")
			.params(username, displayName, this.passwordEncoder.encode(rawPassword), role.name(), demo)
			.update() == 1;
	}

	@Override
	public Set<String> withRole(Role role) {
		return Set.copyOf(this.jdbc.sql("select username from staff_account where role = ? and enabled")
			.param(role.name())
			.query(String.class)
			.list());
	}

	@Override
	public Optional<Role> roleOf(String username) {
		return this.jdbc.sql("select role from staff_account where username = ? and enabled")
			.param(username)
			.query(String.class)
			.optional()
			.map(Role::valueOf);
	}

	long countWithRole(Role role) {
		return this.jdbc.sql("select count(*) from staff_account where role = ? and enabled")
			.param(role.name())
			.query(Long.class)
			.single();
	}

	String displayName(String username) {
		return this.jdbc.sql("select display_name from staff_account where username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(username);
	}

}
