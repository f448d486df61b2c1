package org.cityops.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON FeatureCollection defensively: bounded size, nesting, number length and
 * feature count; every feature's code, name and geometry checked on its own, every
 * problem collected rather than stopping at the first.
 */
final class FeatureFileReader {

	private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(32)
			.maxNumberLength(64)
			.maxStringLength(5_000_000)
			.build())
		.enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build());

	record Parsed(int index, String code, String name, JsonNode properties, Geometry geometry) {
	}

	/**
	 * What could be read, the problems found, and every code the file mentions (even on
	 * broken features).
	 */
	record Result(List<Parsed> features, List<ImportProblem> problems, java.util.Set<String> codes) {
	}

	private final GeoJsonGeometry geometries;

	private final GridProperties properties;

	FeatureFileReader(GeoJsonGeometry geometries, GridProperties properties) {
		this.geometries = geometries;
		this.properties = properties;
	}

	Result read(byte[] content) {
		if (content == null || content.length == 0) {
			throw GridImportRejected.because("The file is empty");
		}
		if (content.length > this.properties.maxFileBytes()) {
			throw GridImportRejected.because("The file has " + content.length + " bytes; at most "
					+ this.properties.maxFileBytes() + " are accepted");
		}
		JsonNode root = parse(content);
		if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
			throw GridImportRejected.because("The file must be a GeoJSON FeatureCollection (an object with "
					+ "\"type\": \"FeatureCollection\" and a \"features\" array)");
		}
		JsonNode features = root.get("features");
		if (features == null || !features.isArray()) {
			throw GridImportRejected.because("The FeatureCollection has no \"features\" array");
		}
		if (features.isEmpty()) {
			throw GridImportRejected.because("The FeatureCollection has no features");
		}
		if (features.size() > this.properties.maxFeatures()) {
			throw GridImportRejected.because("The file has " + features.size() + " features; at most "
					+ this.properties.maxFeatures() + " are accepted");
		}
		List<Parsed> parsed = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (int i = 0; i < features.size(); i++) {
			readFeature(i, features.get(i), parsed, problems);
			String code = text(features.get(i).path("properties"), "code");
			if (code != null) {
				codes.add(code);
			}
		}
		return new Result(parsed, problems, codes);
	}

	private void readFeature(int index, JsonNode feature, List<Parsed> parsed, List<ImportProblem> problems) {
		if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
			problems.add(new ImportProblem(index, null, "is not a GeoJSON Feature (\"type\": \"Feature\")"));
			return;
		}
		JsonNode props = feature.get("properties");
		if (props == null || !props.isObject()) {
			problems.add(new ImportProblem(index, null, "has no \"properties\" object with code, name and level"));
			return;
		}
		String code = text(props, "code");
		String name = text(props, "name");
		int before = problems.size();
		if (code == null) {
			problems.add(new ImportProblem(index, null, "has no \"code\" property (a non-empty string)"));
		}
		else if (code.length() > 64 || !code.matches("[0-9A-Za-z_.-]+")) {
			problems
				.add(new ImportProblem(index, code, "has an invalid code: up to 64 letters, digits, '_', '.' or '-'"));
		}
		if (name == null) {
			problems.add(new ImportProblem(index, code, "has no \"name\" property (a non-empty string)"));
		}
		else if (name.length() > 200) {
			problems.add(new ImportProblem(index, code, "has a name longer than 200 characters"));
		}
		Geometry geometry = null;
		try {
			geometry = this.geometries.read(feature.get("geometry"));
			TopologyValidationError error = new IsValidOp(geometry).getValidationError();
			if (error != null) {
				problems.add(new ImportProblem(index, code, "has an invalid geometry: " + describe(error)));
				geometry = null;
			}
		}
		catch (GeoJsonGeometry.InvalidGeometry ex) {
			problems.add(new ImportProblem(index, code, ex.getMessage()));
		}
		if (problems.size() == before && geometry != null) {
			parsed.add(new Parsed(index, code, name, props, geometry));
		}
	}

	private static String describe(TopologyValidationError error) {
		String where = (error.getCoordinate() != null)
				? " at [" + error.getCoordinate().x + ", " + error.getCoordinate().y + "]" : "";
		return error.getMessage().toLowerCase(java.util.Locale.ROOT) + where;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isTextual() || value.asText().isBlank()) {
			return null;
		}
		return value.asText().trim();
	}

	private static JsonNode parse(byte[] content) {
		try (JsonParser parser = STRICT.createParser(content)) {
			JsonNode root = STRICT.readTree(parser);
			if (root == null) {
				throw GridImportRejected.because("The file is empty");
			}
			if (parser.nextToken() != null) {
				throw GridImportRejected.because("The file has content after the end of the JSON document");
			}
			return root;
		}
		catch (StreamConstraintsException ex) {
			throw GridImportRejected.because(
					"The file is nested too deeply or holds oversized values for GeoJSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			String at = (ex instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
					&& jpe.getLocation() != null)
							? " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr()
									+ ")"
							: "";
			throw GridImportRejected.because("The file is not valid JSON" + at);
		}
	}

}
