package org.cityops.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.shared.DepartmentKind;
import org.cityops.worktime.DeadlineUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case categories. Seeded on first start from the 403 categories of GB/T 47678.5 that
 * ship with CityOps; every change by an administrator raises the category's revision and
 * keeps the previous one.
 */
@Service
public class Catalog implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private static final String SEED = "/catalog/case-categories-gbt47678-5.tsv";

	private static final String LOCAL = "/catalog/local-categories.tsv";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private volatile Map<String, Category> cache;

	Catalog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.jdbc.sql("select count(*) from catalog_category").query(Long.class).single() == 0) {
			seed();
		}
		seedLocal();
	}

	/**
	 * The town's own categories beyond the national standard (codes starting with L),
	 * added when missing, so an existing installation gets new ones on upgrade and keeps
	 * its edits to the old ones.
	 */
	private void seedLocal() {
		try (InputStream in = Catalog.class.getResourceAsStream(LOCAL)) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
			for (int i = 1; i < lines.length; i++) {
				String[] c = lines[i].split("\t");
				if (c.length < 9) {
					continue;
				}
				int added = this.jdbc
					.sql("""
							insert into catalog_category (code, kind, major_code, major_name, name, default_department,
							registration_condition, closing_condition, deadline_amount, deadline_unit, simple_procedure,
							keywords, updated_by, updated_at) values (?, 'MATTER', ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 'seed', ?)
							on conflict (code) do nothing""")
					.params(c[3], c[1], c[2].replaceAll("类$", ""), c[4], c[5], "核实「" + c[4] + "」情况属实",
							"已完成「" + c[4] + "」并记录结果", Integer.parseInt(c[6]), c[7], c[8],
							Timestamp.from(this.clock.instant()))
					.update();
				if (added == 1) {
					this.cache = null;
					recordRevision(category(c[3]).orElseThrow(), "seed");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A category, from memory: the catalog is small and read on every report. */
	/** The category's name, or the code itself for a code the catalog does not know. */
	public String name(String code) {
		return category(code).map(Category::name).orElse(code);
	}

	public Optional<Category> category(String code) {
		return Optional.ofNullable(byCode().get(code));
	}

	private Map<String, Category> byCode() {
		Map<String, Category> loaded = this.cache;
		if (loaded == null) {
			Map<String, Category> map = new java.util.HashMap<>();
			this.jdbc.sql("select * from catalog_category")
				.query((rs, i) -> map(rs))
				.list()
				.forEach((c) -> map.put(c.code(), c));
			this.cache = loaded = Map.copyOf(map);
		}
		return loaded;
	}

	/** Other instances' edits become visible within a minute; this instance's at once. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${cityops.catalog.refresh-interval:60s}")
	void refresh() {
		this.cache = null;
	}

	/**
	 * Active and inactive categories, optionally of one kind or matching a text in code,
	 * name or keywords.
	 */
	public List<Category> categories(String kind, String text) {
		String like = (text == null || text.isBlank()) ? "%" : "%" + text.trim() + "%";
		return this.jdbc.sql("""
				select * from catalog_category where (cast(? as text) is null or kind = ?)
				and (code like ? or name like ? or keywords like ? or major_name like ?) order by code""")
			.params(kind, kind, like, like, like, like)
			.query((rs, i) -> map(rs))
			.list();
	}

	/**
	 * Suggests categories for a free text (a hotline order, a resident's report) by the
	 * categories' keywords and names: the best first, each with a score between 0 and 1.
	 */
	public List<Suggestion> suggest(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Suggestion> out = new ArrayList<>();
		for (Category c : byCode().values()) {
			if (!c.active()) {
				continue;
			}
			double best = 0;
			for (String keyword : c.keywords()) {
				if (keyword.length() >= 2 && text.contains(keyword)) {
					best = Math.max(best, Math.min(1.0, keyword.length() / 4.0));
				}
			}
			if (best > 0) {
				out.add(new Suggestion(c, Math.round(best * 100) / 100.0));
			}
		}
		out.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing((s) -> s.category().code()));
		return out.subList(0, Math.min(limit, out.size()));
	}

	/** A category and how well it matches a text. */
	public record Suggestion(Category category, double score) {
	}

	/**
	 * Changes a category's editable fields; null leaves a field as it is.
	 * @throws CategoryNotFound if there is no such category
	 */
	@Transactional
	public Category update(String code, CategoryChange change, String by) {
		Category current = category(code).orElseThrow(() -> CategoryNotFound.forCode(code));
		Category next = change.applyTo(current);
		this.jdbc.sql("""
				update catalog_category set default_department = ?, registration_condition = ?, closing_condition = ?,
				deadline_amount = ?, deadline_unit = ?, simple_procedure = ?, keywords = ?, active = ?,
				revision = revision + 1, updated_by = ?, updated_at = ? where code = ? and revision = ?""")
			.params(next.defaultDepartment().name(), next.registrationCondition(), next.closingCondition(),
					next.deadlineAmount(), next.deadlineUnit().name(), next.simpleProcedure(),
					String.join(",", next.keywords()), next.active(), by, Timestamp.from(this.clock.instant()), code,
					current.revision())
			.update();
		this.cache = null;
		Category saved = category(code).orElseThrow();
		recordRevision(saved, by);
		return saved;
	}

	public List<Map<String, Object>> revisions(String code) {
		category(code).orElseThrow(() -> CategoryNotFound.forCode(code));
		return this.jdbc.sql("""
				select revision, changed_by, changed_at, snapshot::text as snapshot from catalog_category_revision
				where code = ? order by revision desc""").param(code).query((rs, i) -> {
			try {
				return Map.<String, Object>of("revision", rs.getInt(1), "changedBy", rs.getString(2), "changedAt",
						rs.getTimestamp(3).toInstant(), "category", this.json.readTree(rs.getString(4)));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}).list();
	}

	private void seed() {
		try (InputStream in = Catalog.class.getResourceAsStream(SEED)) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
			int count = 0;
			for (int i = 1; i < lines.length; i++) {
				String[] c = lines[i].split("\t");
				if (c.length < 5) {
					continue;
				}
				String kind = c[0].contains("部件") ? "COMPONENT" : "MATTER";
				// GB/T 47678.5 numbers a component (供水井盖) and its anomaly matter (供水井盖异常)
				// alike; the
				// component keeps the number behind a B (部件) so that every category has
				// its own code.
				String code = "COMPONENT".equals(kind) ? "B" + c[3] : c[3];
				DeadlineRules.Defaults d = DeadlineRules.defaults(kind, c[1], c[4]);
				String keywords = String.join(",", keywords(c[4]));
				this.jdbc.sql("""
						insert into catalog_category (code, kind, major_code, major_name, name, default_department,
						registration_condition, closing_condition, deadline_amount, deadline_unit, simple_procedure,
						keywords, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?)""")
					.params(code, kind, c[1], c[2].replaceAll("类$", ""), c[4], d.department().name(),
							"现场核实存在「" + c[4] + "」问题，位置在辖区内", "问题已处置，现场复核无「" + c[4] + "」", d.amount(), d.unit().name(),
							d.simpleProcedure(), keywords, Timestamp.from(this.clock.instant()))
					.update();
				this.cache = null;
				recordRevision(category(code).orElseThrow(), "seed");
				count++;
			}
			log.info("Seeded the case catalog with {} categories (GB/T 47678.5)", count);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The name, and the name without 异常 / 破损 qualifiers, as keywords. */
	private static List<String> keywords(String name) {
		List<String> out = new ArrayList<>();
		out.add(name);
		String core = name.replaceAll("(异常|破损|缺损|不洁|问题)$", "").replaceAll("（.*?）", "");
		if (!core.equals(name) && core.length() >= 2) {
			out.add(core);
		}
		return out;
	}

	private void recordRevision(Category category, String by) {
		try {
			this.jdbc.sql("""
					insert into catalog_category_revision (code, revision, snapshot, changed_by, changed_at)
					values (?, ?, ?::jsonb, ?, ?)""")
				.params(category.code(), category.revision(), this.json.writeValueAsString(category), by,
						Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Category map(java.sql.ResultSet rs) throws java.sql.SQLException {
		String keywords = rs.getString("keywords");
		return new Category(rs.getString("code"), rs.getString("kind"), rs.getString("major_code"),
				rs.getString("major_name"), rs.getString("name"),
				DepartmentKind.valueOf(rs.getString("default_department")), rs.getString("registration_condition"),
				rs.getString("closing_condition"), rs.getInt("deadline_amount"),
				DeadlineUnit.valueOf(rs.getString("deadline_unit")), rs.getBoolean("simple_procedure"),
				keywords.isBlank() ? List.of() : Arrays.asList(keywords.split(",")), rs.getBoolean("active"),
				rs.getInt("revision"));
	}

}
