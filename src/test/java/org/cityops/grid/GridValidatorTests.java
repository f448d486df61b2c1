package org.cityops.grid;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GridValidatorTests {

	static final GridProperties properties = new GridProperties("121.30,31.20,121.48,31.33", 10, 1_000_000, 1000);

	static List<GridFeature> validate(byte[] content) {
		return new GridValidator(properties.toleranceM2())
			.validate(new FeatureFileReader(new GeoJsonGeometry(properties.jurisdiction()), properties).read(content));
	}

	static List<ImportProblem> problems(byte[] content) {
		GridImportRejected rejected = catchThrowableOfType(GridImportRejected.class, () -> validate(content));
		assertThat(rejected).as("the file should have been rejected").isNotNull();
		return rejected.problems();
	}

	static List<ImportProblem> problems(GridFiles files) {
		return problems(files.bytes());
	}

	@Test
	void acceptsAMinimalValidTree() {
		assertThat(validate(GridFiles.minimal().bytes())).hasSize(8);
	}

	@Test
	void rejectsWhatIsNotJsonOrNotAFeatureCollection() {
		assertThat(problems("not json at all".getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("not valid JSON"));
		assertThat(problems("{\"type\":\"Feature\"}".getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("FeatureCollection"));
		assertThat(problems("{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("no features"));
		assertThat(problems(new byte[0])).singleElement().satisfies((p) -> assertThat(p.reason()).contains("empty"));
	}

	@Test
	void rejectsHostileNestingAndOversizedFiles() {
		String deep = "[".repeat(5000) + "]".repeat(5000);
		String file = "{\"type\":\"FeatureCollection\",\"features\":" + deep + "}";
		assertThat(problems(file.getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("nested too deeply"));
		byte[] big = new byte[(int) properties.maxFileBytes() + 1];
		assertThat(problems(big)).singleElement().satisfies((p) -> assertThat(p.reason()).contains("at most"));
	}

	@Test
	void rejectsWrongTypesWithTheFeatureIndex() {
		GridFiles files = GridFiles.minimal();
		((ObjectNode) files.feature("310107103000P1").get("properties")).put("code", 42);
		((ObjectNode) files.feature("310107103000K01").get("geometry")).put("coordinates", "nope");
		assertThat(problems(files)).extracting(ImportProblem::feature, ImportProblem::reason)
			.anySatisfy(
					(t) -> assertThat(t.toList()).containsExactly(2, "has no \"code\" property (a non-empty string)"))
			.anySatisfy((t) -> assertThat(t.toList().get(0)).isEqualTo(3));
	}

	@Test
	void rejectsUnclosedRingsAndSelfIntersections() {
		GridFiles files = GridFiles.minimal();
		ArrayNode ring = (ArrayNode) files.feature("310107103001001").get("geometry").get("coordinates").get(0);
		ring.remove(4);
		ring.addArray().add(121.34).add(31.27);
		GridFiles bowtie = GridFiles.minimal();
		ArrayNode bow = (ArrayNode) bowtie.feature("310107103001002").get("geometry").get("coordinates").get(0);
		bow.removeAll();
		for (double[] c : new double[][] { { 121.38, 31.27 }, { 121.41, 31.29 }, { 121.41, 31.27 }, { 121.38, 31.29 },
				{ 121.38, 31.27 } }) {
			bow.addArray().add(c[0]).add(c[1]);
		}
		assertThat(problems(files)).anySatisfy((p) -> {
			assertThat(p.feature()).isEqualTo(5);
			assertThat(p.reason()).contains("not closed");
		});
		assertThat(problems(bowtie)).anySatisfy((p) -> {
			assertThat(p.code()).isEqualTo("310107103001002");
			assertThat(p.reason()).contains("self-intersection");
		});
	}

	@Test
	void recognisesSwappedAndProjectedCoordinates() {
		GridFiles swapped = GridFiles.minimal();
		swapped.point("310107103002", "committee", "互换", "310107103000", 31.28, 121.36);
		GridFiles projected = GridFiles.minimal();
		projected.point("310107103003", "committee", "投影", "310107103000", 3466000, 347000);
		GridFiles far = GridFiles.minimal();
		far.point("310107103004", "committee", "北京", "310107103000", 116.4, 39.9);
		assertThat(problems(swapped)).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("latitude and longitude swapped"));
		assertThat(problems(projected)).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("projected coordinates"));
		assertThat(problems(far)).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("outside the jurisdiction"));
	}

	@Test
	void rejectsDuplicateCodesUnknownParentsAndWrongLevels() {
		GridFiles files = GridFiles.minimal();
		files.polygon("310107103000P1", "area", "重复", "310107103000", 121.33, 31.265, 121.34, 31.27);
		files.polygon("310107103000K02", "block", "孤儿", "310107103000P9", 121.33, 31.265, 121.34, 31.27);
		files.polygon("310107103000K03", "block", "错层", "310107103000", 121.33, 31.265, 121.34, 31.27);
		files.polygon("310107103000K04", "shire", "未知层级", "310107103000P1", 121.33, 31.265, 121.34, 31.27);
		List<ImportProblem> problems = problems(files);
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).contains("uses the code of feature #2"));
		assertThat(problems)
			.anySatisfy((p) -> assertThat(p.reason()).contains("'310107103000P9', which is not in the file"));
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).contains("parent must be a area"));
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).contains("unknown level 'shire'"));
	}

	@Test
	void rejectsChildrenOutsideTheirParentAndOverlappingSiblings() {
		GridFiles files = GridFiles.minimal();
		// the second unit sticks out east of its block and overlaps the first
		ArrayNode ring = (ArrayNode) files.feature("310107103001002").get("geometry").get("coordinates").get(0);
		ring.removeAll();
		for (double[] c : new double[][] { { 121.37, 31.265 }, { 121.43, 31.265 }, { 121.43, 31.30 }, { 121.37, 31.30 },
				{ 121.37, 31.265 } }) {
			ring.addArray().add(c[0]).add(c[1]);
		}
		List<ImportProblem> problems = problems(files);
		assertThat(problems).anySatisfy((p) -> {
			assertThat(p.code()).isEqualTo("310107103001002");
			assertThat(p.reason()).contains("sticks out of its parent 310107103000K01");
		});
		assertThat(problems).anySatisfy((p) -> {
			assertThat(p.code()).isEqualTo("310107103001002");
			assertThat(p.reason()).contains("overlaps its sibling 310107103001001");
		});
	}

	@Test
	void unitCodesMustNameACommitteeOfTheirTown() {
		GridFiles files = GridFiles.minimal();
		((ObjectNode) files.feature("310107103001002").get("properties")).put("code", "310107103009002");
		((ObjectNode) files.feature("310107103001001").get("properties")).put("code", "U-1");
		List<ImportProblem> problems = problems(files);
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).contains("(310107103009) name no committee"));
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).contains("a unit code has 15 digits"));
	}

	@Test
	void aUnitNeedsAPolygonAndACompoundMustLieInItsCommitteesUnits() {
		GridFiles files = GridFiles.minimal();
		files.point("310107103001003", "unit", "点单元", "310107103000K01", 121.36, 31.28);
		GridFiles away = GridFiles.minimal();
		away.polygon("310107103001C02", "compound", "远方", "310107103001", 121.43, 31.23, 121.431, 31.231);
		assertThat(problems(files)).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("a unit needs a polygon"));
		assertThat(problems(away)).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("sticks out of the units of its committee"));
	}

}
