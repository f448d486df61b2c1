package org.cityops.sensors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may sign in to the embedded MQTT broker and where each may publish: a device to its
 * own topic, a gateway to its devices' topics (both with a secret the registry issued,
 * kept hashed as Mosquitto keeps it, so that the same accounts also work on an external
 * Mosquitto: {@link #passwordFile}, {@link #aclFile}), the platform's subscriber with its
 * own account. Nobody else.
 */
@Component
class MqttAccounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final PlatformAccount platform;

	MqttAccounts(JdbcTemplate jdbc, PlatformAccount platform) {
		this.jdbc = jdbc;
		this.platform = platform;
	}

	/** The platform's own account on the broker. */
	record PlatformAccount(String username, String password, boolean generated) {
	}

	/**
	 * A signed-in client: the platform (subscribes), a device or a gateway (publishes for
	 * these devices).
	 */
	record Account(Kind kind, String name, java.util.Set<String> devices) {

		enum Kind {

			PLATFORM, DEVICE, GATEWAY

		}

		/** Whether it may publish to the topic: its own devices' telemetry only. */
		boolean mayPublish(String topic) {
			String device = deviceOf(topic);
			return device != null && this.devices.contains(device);
		}

	}

	/**
	 * The device of a telemetry topic, {@code cityops/sensors/<id>/telemetry}; else null.
	 */
	static String deviceOf(String topic) {
		if (!topic.startsWith("cityops/sensors/") || !topic.endsWith("/telemetry")) {
			return null;
		}
		String id = topic.substring("cityops/sensors/".length(), topic.length() - "/telemetry".length());
		return (id.isEmpty() || id.contains("/")) ? null : id;
	}

	/**
	 * A new secret for the device (the old one stops working); answers it, shown this
	 * once.
	 */
	Optional<String> issueForDevice(String deviceId) {
		String secret = secret();
		int rows = this.jdbc.update("update sensor_device set mqtt_secret_hash = ? where id = ?",
				MosquittoFiles.hash(secret), deviceId);
		return (rows == 1) ? Optional.of(secret) : Optional.empty();
	}

	/** A new secret for the gateway, which then publishes for all its devices. */
	Optional<String> issueForGateway(String gatewayId) {
		String secret = secret();
		int rows = this.jdbc.update("update sensor_gateway set mqtt_secret_hash = ? where id = ?",
				MosquittoFiles.hash(secret), gatewayId);
		return (rows == 1) ? Optional.of(secret) : Optional.empty();
	}

	/** The account these credentials sign in to, if they are right. */
	Optional<Account> authenticate(String username, byte[] password) {
		if (username == null || password == null || password.length == 0) {
			return Optional.empty();
		}
		if (username.equals(this.platform.username())) {
			return (this.platform.password() != null
					&& MessageDigest.isEqual(this.platform.password().getBytes(StandardCharsets.UTF_8), password))
							? Optional.of(new Account(Account.Kind.PLATFORM, username, java.util.Set.of()))
							: Optional.empty();
		}
		String given = new String(password, StandardCharsets.UTF_8);
		List<String> device = this.jdbc.queryForList("select mqtt_secret_hash from sensor_device where id = ?",
				String.class, username);
		if (!device.isEmpty()) {
			return matches(device.get(0), given)
					? Optional.of(new Account(Account.Kind.DEVICE, username, java.util.Set.of(username)))
					: Optional.empty();
		}
		List<String> gateway = this.jdbc.queryForList("select mqtt_secret_hash from sensor_gateway where id = ?",
				String.class, username);
		if (!gateway.isEmpty() && matches(gateway.get(0), given)) {
			java.util.Set<String> devices = java.util.Set.copyOf(this.jdbc
				.queryForList("select id from sensor_device where gateway_id = ?", String.class, username));
			return Optional.of(new Account(Account.Kind.GATEWAY, username, devices));
		}
		return Optional.empty();
	}

	/**
	 * Whether the secret matches what is stored: a Mosquitto hash, or the SHA-256 that
	 * secrets issued before were kept as.
	 */
	private static boolean matches(String stored, String given) {
		if (stored == null) {
			return false;
		}
		if (stored.startsWith("$7$")) {
			return MosquittoFiles.matches(stored, given);
		}
		return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
				hash(given).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The registry's accounts as a Mosquitto password file: the platform's (when its
	 * password is configured) and every device and gateway with a secret issued in
	 * Mosquitto's format; answers the file and how many older secrets it leaves out
	 * (issue them again to include them).
	 */
	PasswordFile passwordFile() {
		java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
		int[] older = { 0 };
		if (this.platform.password() != null && !this.platform.generated()) {
			hashes.put(this.platform.username(), MosquittoFiles.hash(this.platform.password()));
		}
		this.jdbc.query("""
				select id, mqtt_secret_hash from sensor_gateway where mqtt_secret_hash is not null
				union all
				select id, mqtt_secret_hash from sensor_device where mqtt_secret_hash is not null
				order by 1""", (org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
			String hash = rs.getString(2);
			if (hash.startsWith("$7$")) {
				hashes.put(rs.getString(1), hash);
			}
			else {
				older[0]++;
			}
		});
		return new PasswordFile(MosquittoFiles.passwordFile(hashes), hashes.size(), older[0]);
	}

	/** A password file, how many accounts it holds, and how many it leaves out. */
	record PasswordFile(String text, int accounts, int leftOut) {
	}

	/** The ACL for the registry's gateways and their devices. */
	String aclFile() {
		java.util.Map<String, List<String>> gateways = new java.util.TreeMap<>();
		this.jdbc.query("""
				select g.id, d.id from sensor_gateway g join sensor_device d on d.gateway_id = g.id
				 where g.mqtt_secret_hash is not null order by g.id, d.id""",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> gateways
					.computeIfAbsent(rs.getString(1), (k) -> new java.util.ArrayList<>())
					.add(rs.getString(2)));
		return MosquittoFiles.acl(this.platform.username(), gateways);
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
