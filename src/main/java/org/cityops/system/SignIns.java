package org.cityops.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and their throttle: each failure is written down (with the account and the
 * client's address), and after {@value #FREE} failures in a row an account (an address:
 * {@value #FREE_FOR_ADDRESS}) must wait before the next try — 1 s, 2 s, 4 s … at most 15
 * minutes — whatever the password, so that guessing costs time and the right password
 * does not slip through a burst of wrong ones. The count is read from the database (all
 * instances share it); the wait is checked in memory on each attempt.
 */
@Component
class SignIns {

	private static final Logger log = LoggerFactory.getLogger(SignIns.class);

	static final int FREE = 5;

	/**
	 * An address is shared by many (an office behind one router), so it may fail more.
	 */
	static final int FREE_FOR_ADDRESS = 20;

	static final Duration LONGEST = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** "user:name" or "address:ip" → the instant before which it may not try again. */
	private final Map<String, Instant> waits = new ConcurrentHashMap<>();

	SignIns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One line of the audit. */
	record SignIn(Instant at, String username, String address, String via, String outcome) {
	}

	/** How long this account or address must still wait (zero: it may try). */
	Duration waitFor(String username, String address) {
		Instant now = this.clock.instant();
		Instant until = later(this.waits.get("user:" + username), this.waits.get("address:" + address));
		return (until != null && until.isAfter(now)) ? Duration.between(now, until) : Duration.ZERO;
	}

	void throttled(String username, String address, String via) {
		write(username, address, via, "THROTTLED");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		String address = address(event.getAuthentication().getDetails());
		String via = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails w
				&& w.getSessionId() == null) ? "BASIC" : "FORM";
		write(username, address, via, "FAILED");
		wait("user:" + username, "username = ?", username, FREE);
		wait("address:" + address, "address = ?", address, FREE_FOR_ADDRESS);
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		String address = address(event.getAuthentication().getDetails());
		write(username, address, "FORM", "OK");
		this.waits.remove("user:" + username);
	}

	/** The newest sign-ins, failures and refusals, optionally of one account. */
	List<SignIn> latest(String username, int limit) {
		return this.jdbc.sql("""
				select at, username, address, via, outcome from system_sign_in
				 where (cast(? as text) is null or username = ?) order by id desc limit ?""")
			.params(username, username, limit)
			.query((rs, i) -> new SignIn(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * Failures since the key's last success within the last {@link #LONGEST}: the wait
	 * doubles with each.
	 */
	private void wait(String key, String condition, String value, int free) {
		Instant now = this.clock.instant();
		long failures = this.jdbc
			.sql("select count(*) from system_sign_in where " + condition
					+ " and outcome = 'FAILED' and at > greatest(?, coalesce((select max(at) from system_sign_in where "
					+ condition + " and outcome = 'OK'), '-infinity'))")
			.params(value, Timestamp.from(now.minus(LONGEST)), value)
			.query(Long.class)
			.single();
		if (failures >= free) {
			Duration wait = Duration.ofSeconds(1L << Math.min(20, failures - free));
			wait = (wait.compareTo(LONGEST) > 0) ? LONGEST : wait;
			this.waits.put(key, now.plus(wait));
			log.warn("{} failed sign-ins for {}: next try after {} s", failures, key, wait.toSeconds());
		}
	}

	private void write(String username, String address, String via, String outcome) {
		this.jdbc.sql("insert into system_sign_in (at, username, address, via, outcome) values (?, ?, ?, ?, ?)")
			.params(Timestamp.from(this.clock.instant()), clip(username), address, via, outcome)
			.update();
	}

	static String address(Object details) {
		return (details instanceof WebAuthenticationDetails w && w.getRemoteAddress() != null) ? w.getRemoteAddress()
				: "?";
	}

	private static String clip(String username) {
		String name = (username == null || username.isBlank()) ? "?" : username;
		return TextHygiene.hasControlCharacter(name) ? "?" : name.substring(0, Math.min(name.length(), 100));
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
	}

}
