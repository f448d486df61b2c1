package org.cityops.sensors;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Mosquitto's own formats, so that an external Mosquitto takes the registry's accounts as
 * they are: secrets hashed as {@code mosquitto_passwd} 2.0 hashes them ({@code $7$}: 101
 * rounds of PBKDF2-HMAC-SHA512 over a 12-byte salt), the password file, and the ACL that
 * lets each gateway write for its devices.
 */
final class MosquittoFiles {

	static final int ITERATIONS = 101;

	private static final SecureRandom RANDOM = new SecureRandom();

	private MosquittoFiles() {
	}

	/** The secret as a password-file hash: {@code $7$101$<salt>$<hash>}, base64. */
	static String hash(String secret) {
		byte[] salt = new byte[12];
		RANDOM.nextBytes(salt);
		return "$7$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
				+ Base64.getEncoder().encodeToString(pbkdf2(secret, salt, ITERATIONS));
	}

	/** Whether the secret is the one a {@code $7$} hash was made from. */
	static boolean matches(String stored, String secret) {
		String[] parts = (stored != null) ? stored.split("\\$") : new String[0];
		if (parts.length != 5 || !parts[1].equals("7")) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[2]);
			if (iterations < 1 || iterations > 1_000_000) {
				return false;
			}
			byte[] salt = Base64.getDecoder().decode(parts[3]);
			byte[] expected = Base64.getDecoder().decode(parts[4]);
			return MessageDigest.isEqual(expected, pbkdf2(secret, salt, iterations));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A password file: one {@code user:hash} line each, in the order given. */
	static String passwordFile(Map<String, String> hashes) {
		StringBuilder out = new StringBuilder();
		hashes.forEach((user, hash) -> out.append(user).append(':').append(hash).append('\n'));
		return out.toString();
	}

	/**
	 * The ACL: every device writes its own telemetry topic, the platform reads them all
	 * (also as a shared subscription), each gateway writes for the devices behind it.
	 */
	static String acl(String platform, Map<String, List<String>> gatewayDevices) {
		StringBuilder out = new StringBuilder();
		out.append("# Made by CityOps from its sensor registry (GET /api/v1/sensors/mosquitto/acl).\n");
		out.append("pattern write cityops/sensors/%u/telemetry\n\n");
		out.append("user ").append(platform).append('\n');
		out.append("topic read cityops/sensors/+/telemetry\n");
		out.append("topic read $share/+/cityops/sensors/+/telemetry\n");
		gatewayDevices.forEach((gateway, devices) -> {
			out.append("\nuser ").append(gateway).append('\n');
			devices.forEach((d) -> out.append("topic write cityops/sensors/").append(d).append("/telemetry\n"));
		});
		return out.toString();
	}

	private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 512);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
