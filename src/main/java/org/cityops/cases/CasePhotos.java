package org.cityops.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a case, before and after. Stored in the database after their metadata is
 * stripped, so no copy with a location or device inside ever leaves the server.
 */
@Service
class CasePhotos {

	/** What the API says about a photo. */
	public record Photo(long id, long caseId, String stage, String contentType, int size, String sha256,
			String uploadedBy, Instant uploadedAt) {
	}

	/** A photo's bytes. */
	public record Content(String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final Cases cases;

	private final Clock clock;

	private final int maxBytes;

	CasePhotos(JdbcClient jdbc, Cases cases, Clock clock,
			@Value("${cityops.cases.photo-max-bytes:10485760}") int maxBytes) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	public int maxBytes() {
		return this.maxBytes;
	}

	/** Refuses what {@link #add} would refuse, without writing anything. */
	public void check(byte[] data) {
		if (data == null || data.length == 0) {
			throw CaseProblem.invalid("The photo is empty");
		}
		if (data.length > this.maxBytes) {
			throw CaseProblem.invalid("The photo has " + data.length + " bytes; at most " + this.maxBytes);
		}
		PhotoSanitizer.clean(data);
	}

	/**
	 * Adds a photo to a case within the uploader's reach (a leader only reads, so adds
	 * none).
	 */
	@Transactional
	public Photo add(long caseId, String stage, byte[] data, Actor by) {
		if (by.role() == org.cityops.shared.Role.LEADER) {
			throw CaseProblem.forbidden("A LEADER reads cases and may supervise them; adding photos is not for it");
		}
		this.cases.find(caseId, by.reach()).orElseThrow(() -> CaseProblem.notFound(caseId));
		return attach(caseId, stage, data, by);
	}

	/** Adds a photo to a case its caller has just made (the reporter's own case). */
	Photo attach(long caseId, String stage, byte[] data, Actor by) {
		String s = (stage == null) ? "" : stage.trim().toUpperCase(Locale.ROOT);
		if (!s.equals("BEFORE") && !s.equals("AFTER")) {
			throw CaseProblem.invalid("stage must be BEFORE (the problem) or AFTER (the result)");
		}
		if (data == null || data.length == 0) {
			throw CaseProblem.invalid("The photo is empty");
		}
		if (data.length > this.maxBytes) {
			throw CaseProblem.invalid("The photo has " + data.length + " bytes; at most " + this.maxBytes);
		}
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(data);
		String sha = sha256(clean.bytes());
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into case_photo (case_id, stage, content_type, bytes, sha256, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(caseId, s, clean.contentType(), clean.bytes(), sha, by.username(), Timestamp.from(now))
			.query(Long.class)
			.single();
		return new Photo(id, caseId, s, clean.contentType(), clean.bytes().length, sha, by.username(), now);
	}

	/** The photos of a case within the reader's reach. */
	public List<Photo> list(long caseId, Actor reader) {
		this.cases.find(caseId, reader.reach()).orElseThrow(() -> CaseProblem.notFound(caseId));
		return this.jdbc.sql("""
				select id, case_id, stage, content_type, length(bytes) as size, sha256, uploaded_by, uploaded_at
				from case_photo where case_id = ? order by id""")
			.param(caseId)
			.query((rs, i) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** A photo's picture, if its case is within the reader's reach. */
	public Optional<Content> content(long caseId, long photoId, Actor reader) {
		org.cityops.shared.Reach.Sql scope = reader.reach().where("c.unit_code", "c.department_code");
		List<Object> params = new java.util.ArrayList<>(List.of(caseId, photoId));
		params.addAll(scope.params());
		return this.jdbc.sql("""
				select p.content_type, p.bytes from case_photo p join case_file c on c.id = p.case_id
				where p.case_id = ? and p.id = ? and\s""" + scope.condition())
			.params(params)
			.query((rs, i) -> new Content(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
