package org.cityops.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a username and password with BCrypt, and remembers a successful check for a
 * short while, so that a machine client sending HTTP Basic on every request does not pay
 * BCrypt's ~80 ms of CPU each time (which would cap the API at a few dozen requests per
 * second on two cores). Only a salted SHA-256 of the credentials is kept, in memory, with
 * a per-process random salt; a changed or disabled account is re-checked at the latest
 * after {@code ttl}.
 */
final class CachedCredentials implements AuthenticationProvider {

	private static final int MAX_ENTRIES = 10_000;

	private record Entry(String digest, Authentication authentication, Instant expires) {
	}

	private final DaoAuthenticationProvider delegate;

	private final Duration ttl;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	CachedCredentials(DaoAuthenticationProvider delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		new SecureRandom().nextBytes(this.salt);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = String.valueOf(authentication.getPrincipal());
		Object credentials = authentication.getCredentials();
		if (credentials == null || this.ttl.isZero()) {
			return this.delegate.authenticate(authentication);
		}
		String digest = digest(username, credentials.toString());
		Instant now = this.clock.instant();
		Entry hit = this.cache.get(username);
		if (hit != null && hit.expires().isAfter(now) && MessageDigest
			.isEqual(hit.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII))) {
			return hit.authentication();
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (this.cache.size() >= MAX_ENTRIES) {
			this.cache.clear();
		}
		this.cache.put(username, new Entry(digest, result, now.plus(this.ttl)));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String digest(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.salt);
			sha.update(username.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
