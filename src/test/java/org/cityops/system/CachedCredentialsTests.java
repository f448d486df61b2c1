package org.cityops.system;

import java.time.Duration;

import org.cityops.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCredentialsTests {

	final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
			User.withUsername("operator").password(this.bcrypt.encode("right")).roles("OPERATOR").build());

	final CachedCredentials credentials = credentials();

	private CachedCredentials credentials() {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(this.users);
		dao.setPasswordEncoder(this.bcrypt);
		return new CachedCredentials(dao, Duration.ofSeconds(60), MutableClock.INSTANCE);
	}

	static UsernamePasswordAuthenticationToken login(String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated("operator", password);
	}

	@Test
	void aWrongPasswordIsRejectedEvenRightAfterARightOne() {
		assertThat(this.credentials.authenticate(login("right")).isAuthenticated()).isTrue();
		assertThatThrownBy(() -> this.credentials.authenticate(login("wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.credentials.authenticate(login("right")).getName()).isEqualTo("operator");
	}

	@Test
	void aDisabledAccountIsRefusedOnceTheRememberedCheckExpires() {
		this.credentials.authenticate(login("right"));
		this.users.updateUser(User.withUsername("operator")
			.password(this.bcrypt.encode("right"))
			.roles("OPERATOR")
			.disabled(true)
			.build());
		assertThat(this.credentials.authenticate(login("right")).isAuthenticated()).as("still remembered").isTrue();
		MutableClock.INSTANCE.advance(Duration.ofSeconds(61));
		assertThatThrownBy(() -> this.credentials.authenticate(login("right"))).isInstanceOf(DisabledException.class);
	}

}
