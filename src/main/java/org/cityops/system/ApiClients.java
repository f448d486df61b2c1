package org.cityops.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients and their API keys. A key is shown once, when it is made; the database
 * keeps its SHA-256 only. A client may call the API of its scopes only: scope
 * {@code hotline} opens {@code /api/v1/hotline/**}.
 */
@Service
public class ApiClients {

	/** The scopes a client may be given, each the first path segment after /api/v1/. */
	public static final Set<String> SCOPES = Set.of("hotline", "sensors");

	private static final String NAME_PATTERN = "[a-z0-9._-]{2,40}";

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	ApiClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A client as administrators see it (never its key). */
	public record Client(long id, String name, String keyPrefix, List<String> scopes, List<String> devices,
			String createdBy, Instant createdAt, Instant revokedAt) {

		public boolean mayCall(String path) {
			return this.revokedAt == null && this.scopes.stream()
				.anyMatch((s) -> path.startsWith("/api/v1/" + s + "/") || path.equals("/api/v1/" + s));
		}

	}

	/** A new client and its key, which is not stored and cannot be shown again. */
	public record Created(Client client, String key) {
	}

	/** What a sensors key may name: a device or gateway id, or * for every device. */
	private static final String DEVICE_PATTERN = "\\*|[A-Za-z0-9._:-]{1,64}";

	/** A client of scopes other than sensors. */
	@Transactional
	public Created create(String name, List<String> scopes, String by) {
		return create(name, scopes, null, by, newKey(), false);
	}

	/**
	 * A client; a {@code sensors} one names the devices or gateways it posts readings for
	 * ({@code *}: every device, for a platform that relays them all).
	 */
	@Transactional
	public Created create(String name, List<String> scopes, List<String> devices, String by) {
		return create(name, scopes, devices, by, newKey(), false);
	}

	@Transactional
	Created create(String name, List<String> scopes, List<String> devices, String by, String key, boolean demo) {
		if (name == null || !name.matches(NAME_PATTERN)) {
			throw new IllegalArgumentException(
					"A client name is 2 to 40 lower-case letters, digits, '.', '_' or '-', e.g. hotline-12345");
		}
		if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
			throw new IllegalArgumentException("Give the client's scopes, some of " + SCOPES);
		}
		boolean sensors = scopes.contains("sensors");
		if (sensors && (devices == null || devices.isEmpty())) {
			throw new IllegalArgumentException("Say which devices or gateways a sensors key posts readings for "
					+ "(\"devices\": their ids, or [\"*\"] for a platform that relays every device)");
		}
		if (!sensors && devices != null && !devices.isEmpty()) {
			throw new IllegalArgumentException("Only a sensors key is given devices");
		}
		if (devices != null && (devices.size() > 10_000
				|| devices.stream().anyMatch((d) -> d == null || !d.matches(DEVICE_PATTERN)))) {
			throw new IllegalArgumentException(
					"Device and gateway ids are 1 to 64 letters, digits, '.', '_', ':' or '-' (at most 10,000), or *");
		}
		if (this.jdbc.sql("select count(*) from api_client where name = ?")
			.param(name)
			.query(Long.class)
			.single() > 0) {
			throw new IllegalArgumentException("A client named '" + name + "' exists; revoke it or pick another name");
		}
		long id = this.jdbc.sql("""
				insert into api_client (name, key_prefix, key_hash, scopes, devices, created_by, demo)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, key.substring(0, 8), hash(key), scopes.toArray(String[]::new),
					(devices != null && sensors) ? devices.stream().distinct().toArray(String[]::new) : null, by, demo)
			.query(Long.class)
			.single();
		return new Created(find(id).orElseThrow(), key);
	}

	public List<Client> list() {
		return this.jdbc.sql("select * from api_client order by name").query(ApiClients::client).list();
	}

	@Transactional
	public boolean revoke(long id) {
		return this.jdbc.sql("update api_client set revoked_at = now() where id = ? and revoked_at is null")
			.param(id)
			.update() == 1;
	}

	/** The unrevoked client holding this key. */
	Optional<Client> authenticate(String key) {
		if (key == null || key.length() < 16 || key.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from api_client where key_hash = ? and revoked_at is null")
			.param(hash(key))
			.query(ApiClients::client)
			.optional();
	}

	boolean exists(String name) {
		return this.jdbc.sql("select count(*) from api_client where name = ?")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<Client> find(long id) {
		return this.jdbc.sql("select * from api_client where id = ?").param(id).query(ApiClients::client).optional();
	}

	private String newKey() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return "co_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Client client(ResultSet rs, int row) throws SQLException {
		Array scopes = rs.getArray("scopes");
		Array devices = rs.getArray("devices");
		return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
				List.of((String[]) scopes.getArray()),
				(devices != null) ? List.of((String[]) devices.getArray()) : List.of(), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(),
				(rs.getTimestamp("revoked_at") != null) ? rs.getTimestamp("revoked_at").toInstant() : null);
	}

}
