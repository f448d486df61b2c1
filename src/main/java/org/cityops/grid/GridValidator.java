package org.cityops.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.cityops.grid.geometry.LocalMetric;
import org.cityops.grid.geometry.Overlaps;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The rules a grid file must follow before it may replace the grid in force: the tree is
 * complete and well-typed, codes are unique and well-formed, every feature lies inside
 * its parent and siblings do not overlap (each beyond
 * {@link GridProperties#toleranceM2()} square metres).
 */
final class GridValidator {

	private final double tolerance;

	private final List<ImportProblem> problems = new ArrayList<>();

	private final Map<String, Integer> indexOf = new HashMap<>();

	private LocalMetric metric;

	GridValidator(double toleranceM2) {
		this.tolerance = toleranceM2;
	}

	/** The features of a valid file, or the problems that reject it. */
	List<GridFeature> validate(FeatureFileReader.Result file) {
		this.problems.addAll(file.problems());
		Map<String, GridFeature> features = new LinkedHashMap<>();
		for (FeatureFileReader.Parsed parsed : file.features()) {
			toFeature(parsed).ifPresent((f) -> {
				Integer previous = this.indexOf.putIfAbsent(f.code(), parsed.index());
				if (previous != null) {
					problem(parsed.index(), f.code(),
							"uses the code of feature #" + previous + "; codes must be unique");
				}
				else {
					features.put(f.code(), f);
				}
			});
		}
		checkTree(features, file.codes());
		if (this.problems.isEmpty()) {
			this.metric = LocalMetric.around(features.values().iterator().next().geometry());
			checkContainment(features);
			checkSiblingOverlaps(features);
		}
		if (!this.problems.isEmpty()) {
			this.problems.sort(Comparator.comparingInt(ImportProblem::feature));
			throw GridImportRejected.of(this.problems);
		}
		return List.copyOf(features.values());
	}

	private Optional<GridFeature> toFeature(FeatureFileReader.Parsed parsed) {
		JsonNode props = parsed.properties();
		String levelText = FeatureFileReader.text(props, "level");
		Optional<GridLevel> level = GridLevel.parse(levelText);
		if (level.isEmpty()) {
			problem(parsed.index(), parsed.code(),
					((levelText == null) ? "has no \"level\" property" : "has the unknown level '" + levelText + "'")
							+ "; use district, town, area, block, unit, committee or compound");
			return Optional.empty();
		}
		if (parsed.geometry().getDimension() == 0 && level.get() != GridLevel.COMMITTEE) {
			problem(parsed.index(), parsed.code(), "is a point, but a " + level.get().key() + " needs a polygon");
			return Optional.empty();
		}
		if (!(parsed.geometry() instanceof Polygonal) && parsed.geometry().getDimension() != 0) {
			problem(parsed.index(), parsed.code(), "needs a Polygon or MultiPolygon geometry");
			return Optional.empty();
		}
		Map<String, String> extra = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			if (!List.of("code", "name", "level", "parent").contains(field.getKey()) && field.getValue().isValueNode()
					&& !field.getValue().isNull()) {
				extra.put(field.getKey(), field.getValue().asText());
			}
		}
		String parent = FeatureFileReader.text(props, "parent");
		return Optional
			.of(new GridFeature(parsed.code(), level.get(), parsed.name(), parent, parsed.geometry(), extra));
	}

	private void checkTree(Map<String, GridFeature> features, java.util.Set<String> codesInFile) {
		long districts = features.values().stream().filter((f) -> f.level() == GridLevel.DISTRICT).count();
		if (districts != 1 && this.problems.isEmpty()) {
			this.problems.add(ImportProblem
				.ofFile("A grid file holds exactly one district (the root of the tree); this one has " + districts));
		}
		for (GridFeature f : features.values()) {
			checkCodeFormat(f);
			Optional<GridLevel> expected = f.level().parentLevel();
			if (expected.isEmpty()) {
				if (f.parentCode() != null && features.containsKey(f.parentCode())) {
					problem(f, "is a district and cannot have a parent in the file");
				}
				continue;
			}
			if (f.parentCode() == null) {
				problem(f,
						"has no \"parent\" property; a " + f.level().key() + " belongs to a " + expected.get().key());
				continue;
			}
			GridFeature parent = features.get(f.parentCode());
			if (parent == null && !codesInFile.contains(f.parentCode())) {
				problem(f, "names the parent '" + f.parentCode() + "', which is not in the file");
			}
			else if (parent != null && parent.level() != expected.get()) {
				problem(f, "has the parent '" + parent.code() + "', a " + parent.level().key() + "; a "
						+ f.level().key() + "'s parent must be a " + expected.get().key());
			}
		}
		for (GridFeature unit : byLevel(features, GridLevel.UNIT)) {
			GridFeature committee = features.get(unit.committeeCode());
			if (unit.committeeCode() == null) {
				continue;
			}
			if (committee == null || committee.level() != GridLevel.COMMITTEE) {
				problem(unit, "has a code whose first 12 digits (" + unit.committeeCode()
						+ ") name no committee in the file");
			}
			else if (!townOf(unit, features).equals(committee.parentCode())) {
				problem(unit, "lies in town " + townOf(unit, features) + " but its committee " + committee.code()
						+ " belongs to town " + committee.parentCode());
			}
		}
	}

	private void checkCodeFormat(GridFeature f) {
		String code = f.code();
		String parent = (f.parentCode() != null) ? f.parentCode() : "";
		switch (f.level()) {
			case DISTRICT -> requireCode(f, code.matches("\\d{6}"), "a district code has 6 digits (e.g. 310107)");
			case TOWN -> requireCode(f, code.matches("\\d{12}") && code.startsWith(parent),
					"a town code has 12 digits starting with its district's code (e.g. 310107103000)");
			case COMMITTEE -> requireCode(f,
					code.matches("\\d{12}") && parent.length() >= 9 && code.startsWith(parent.substring(0, 9))
							&& !code.equals(parent),
					"a committee code has 12 digits starting with the first 9 of its town's code "
							+ "(e.g. 310107103001)");
			case UNIT -> requireCode(f, code.matches("\\d{15}"),
					"a unit code has 15 digits: its committee's 12-digit code and a 3-digit number");
			default -> {
			}
		}
	}

	private void checkContainment(Map<String, GridFeature> features) {
		Map<String, List<GridFeature>> unitsByCommittee = new HashMap<>();
		for (GridFeature unit : byLevel(features, GridLevel.UNIT)) {
			unitsByCommittee.computeIfAbsent(unit.committeeCode(), (k) -> new ArrayList<>()).add(unit);
		}
		Map<String, Geometry> territories = new HashMap<>();
		for (GridFeature f : features.values()) {
			if (f.level() == GridLevel.DISTRICT) {
				continue;
			}
			Geometry container;
			String what;
			if (f.level() == GridLevel.COMPOUND) {
				List<GridFeature> units = unitsByCommittee.getOrDefault(f.parentCode(), List.of());
				if (units.isEmpty()) {
					problem(f, "belongs to committee " + f.parentCode() + ", which has no units to lie in");
					continue;
				}
				container = territories.computeIfAbsent(f.parentCode(),
						(k) -> UnaryUnionOp.union(units.stream().map(GridFeature::geometry).toList()));
				what = "the units of its committee " + f.parentCode();
			}
			else {
				GridFeature parent = features.get(f.parentCode());
				container = parent.geometry();
				what = "its parent " + parent.code() + " (" + parent.name() + ")";
			}
			checkInside(f, container, what);
		}
	}

	private void checkInside(GridFeature f, Geometry container, String what) {
		try {
			if (f.geometry().getDimension() == 0) {
				if (!container.covers(f.geometry())) {
					problem(f, "lies outside " + what);
				}
				return;
			}
			double outside = this.metric.areaM2(f.geometry().difference(container));
			if (outside > this.tolerance) {
				problem(f, String.format(java.util.Locale.ROOT, "sticks out of %s by %.0f m² (tolerance %.0f m²)", what,
						outside, this.tolerance));
			}
		}
		catch (TopologyException ex) {
			problem(f, "could not be compared with " + what + ": " + ex.getMessage());
		}
	}

	private void checkSiblingOverlaps(Map<String, GridFeature> features) {
		Map<String, List<GridFeature>> groups = new LinkedHashMap<>();
		for (GridFeature f : features.values()) {
			if (f.geometry().getDimension() == 2 && f.level() != GridLevel.DISTRICT) {
				String group = (f.level() == GridLevel.COMPOUND) ? "compounds" : f.level() + ":" + f.parentCode();
				groups.computeIfAbsent(group, (k) -> new ArrayList<>()).add(f);
			}
		}
		groups.values().forEach(this::checkOverlaps);
	}

	private void checkOverlaps(List<GridFeature> siblings) {
		List<Geometry> geometries = siblings.stream().map(GridFeature::geometry).toList();
		for (Overlaps.Pair pair : Overlaps.find(geometries, this.metric, this.tolerance)) {
			GridFeature a = siblings.get(pair.first());
			GridFeature b = siblings.get(pair.second());
			problem(b,
					(pair.areaM2() < 0) ? "could not be compared with its sibling " + a.code()
							: String.format(java.util.Locale.ROOT,
									"overlaps its sibling %s (feature #%d) by %.0f m² (tolerance %.0f m²)", a.code(),
									this.indexOf.get(a.code()), pair.areaM2(), this.tolerance));
		}
	}

	static String townOf(GridFeature f, Map<String, GridFeature> features) {
		GridFeature current = f;
		while (current != null && current.level() != GridLevel.TOWN) {
			current = (current.parentCode() != null) ? features.get(current.parentCode()) : null;
		}
		return (current != null) ? current.code() : "?";
	}

	private static List<GridFeature> byLevel(Map<String, GridFeature> features, GridLevel level) {
		return features.values().stream().filter((f) -> f.level() == level).toList();
	}

	private void requireCode(GridFeature f, boolean wellFormed, String rule) {
		if (!wellFormed) {
			problem(f, "has a malformed code: " + rule);
		}
	}

	private void problem(GridFeature f, String reason) {
		problem(this.indexOf.getOrDefault(f.code(), -1), f.code(), reason);
	}

	private void problem(int index, String code, String reason) {
		this.problems.add(new ImportProblem(index, code, reason));
	}

}
