package org.cityops.sensors;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Messages the ingest refused, kept with their reason (and the first 2 KB of what was
 * sent) so that someone can see which devices send what, while the ingest goes on.
 */
@Repository
class DeadLetters {

	private static final int KEEP_BYTES = 2048;

	private final JdbcTemplate jdbc;

	DeadLetters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One refused message. */
	record Letter(Instant at, String source, String reason, String deviceId, String detail, byte[] payload) {
	}

	void add(List<Letter> letters) {
		this.jdbc.batchUpdate("""
				insert into sensor_dead_letter (received_at, source, reason, device_id, detail, payload)
				values (?, ?, ?, ?, ?, ?)""", letters.stream()
			.map((l) -> new Object[] { Timestamp.from(l.at()), clean(l.source()), l.reason(), clean(l.deviceId()),
					clean(l.detail()), (l.payload() != null) ? preview(l.payload()) : null })
			.toList());
	}

	/** Counts per reason since a time. */
	public List<Map<String, Object>> counts(Instant since) {
		return this.jdbc.queryForList("""
				select reason, count(*) as count, max(received_at) as last from sensor_dead_letter
				 where received_at >= ? group by reason order by count(*) desc""", Timestamp.from(since));
	}

	/** The newest letters, optionally of one reason. */
	public List<Map<String, Object>> latest(String reason, int limit) {
		return this.jdbc.queryForList("""
				select id, received_at, source, reason, device_id, detail, payload from sensor_dead_letter
				 where (?::text is null or reason = ?) order by id desc limit ?""", reason, reason, limit);
	}

	private static String preview(byte[] payload) {
		return clean(new String(payload, 0, Math.min(payload.length, KEEP_BYTES), StandardCharsets.UTF_8));
	}

	/**
	 * The text with each control character written as {@code \\uXXXX}, so that a letter
	 * about a NUL can itself be stored (PostgreSQL keeps no NUL in text).
	 */
	static String clean(String text) {
		if (text == null || !hasControlCharacter(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		text.chars().forEach((c) -> {
			if (control((char) c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.append((char) c);
			}
		});
		return out.toString();
	}

	static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch((c) -> control((char) c));
	}

	private static boolean control(char c) {
		return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
	}

}
