package org.cityops.grid;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing grids and layers changes the grid in force, so these tests run on their own
 * application context and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cityops.grid.refresh-interval=29s", "cityops.grid.max-file-bytes=3000000" })
class GridImportApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	ResponseEntity<JsonNode> post(String url, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/geo+json"));
		return this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
	}

	JsonNode get(String url) {
		return this.rest.withBasicAuth("admin", "cityops-demo").getForObject(url, JsonNode.class);
	}

	long rows(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void anInvalidFileIsRejectedWholeWithEveryProblemAndChangesNothing() throws Exception {
		long versions = rows("grid_version");
		long features = rows("grid_feature");
		JsonNode export = get("/api/v1/grid/export");
		ObjectNode broken = export.deepCopy();
		JsonNode first = broken.path("features").get(5);
		((ObjectNode) first.path("properties")).put("parent", "nowhere");
		JsonNode second = broken.path("features").get(7);
		((ObjectNode) second.path("properties")).put("code",
				broken.path("features").get(8).path("properties").path("code").asText());
		ResponseEntity<JsonNode> response = post("/api/v1/grid/import", GridFiles.JSON.writeValueAsBytes(broken));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(response.getBody().path("title").asText()).isEqualTo("Grid file rejected");
		assertThat(response.getBody().path("problems")).extracting((p) -> p.path("feature").asInt()).contains(5, 8);
		assertThat(rows("grid_version")).isEqualTo(versions);
		assertThat(rows("grid_feature")).isEqualTo(features);
		assertThat(get("/api/v1/grid/units")).hasSize(48);
	}

	@Test
	void malformedAndHostileBodiesAreRejectedAndTheServerKeepsServing() {
		assertThat(post("/api/v1/grid/import", "{\"type\":".getBytes()).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		String deep = "{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		ResponseEntity<JsonNode> nested = post("/api/v1/grid/import", deep.getBytes());
		assertThat(nested.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(nested.getBody().path("problems").get(0).path("reason").asText()).contains("nested too deeply");
		assertThat(get("/api/v1/grid/locate?lon=121.39&lat=31.28").path("unit").isObject()).isTrue();
	}

	@Test
	void anOversizedUploadIsRefusedBeforeItIsRead() {
		byte[] huge = new byte[3_000_001];
		java.util.Arrays.fill(huge, (byte) ' ');
		ResponseEntity<JsonNode> response = post("/api/v1/grid/import", huge);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().path("detail").asText()).contains("larger than 3000000 bytes");
	}

	@Test
	void aValidFileBecomesANewVersionAndTheOldOneStaysLocatable() throws Exception {
		JsonNode before = get("/api/v1/grid/locate?lon=121.39&lat=31.28");
		long oldVersion = before.path("gridVersion").asLong();
		String unitCode = before.path("unit").path("code").asText();
		ObjectNode export = get("/api/v1/grid/export").deepCopy();
		for (Iterator<JsonNode> it = export.path("features").elements(); it.hasNext();) {
			ObjectNode props = (ObjectNode) it.next().path("properties");
			if (props.path("code").asText().equals(unitCode)) {
				props.put("name", "改名后的单元");
			}
		}
		ResponseEntity<JsonNode> response = post("/api/v1/grid/import?source=test-rename",
				GridFiles.JSON.writeValueAsBytes(export));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long newVersion = response.getBody().path("id").asLong();
		assertThat(newVersion).isGreaterThan(oldVersion);
		assertThat(response.getBody().path("active").asBoolean()).isTrue();
		assertThat(response.getBody().path("importedBy").asText()).isEqualTo("admin");
		JsonNode after = get("/api/v1/grid/locate?lon=121.39&lat=31.28");
		assertThat(after.path("gridVersion").asLong()).isEqualTo(newVersion);
		assertThat(after.path("unit").path("name").asText()).isEqualTo("改名后的单元");
		JsonNode old = get("/api/v1/grid/locate?lon=121.39&lat=31.28&version=" + oldVersion);
		assertThat(old.path("unit").path("name").asText()).isEqualTo(before.path("unit").path("name").asText());
		JsonNode versions = get("/api/v1/grid/versions");
		assertThat(versions).anySatisfy((v) -> {
			assertThat(v.path("id").asLong()).isEqualTo(oldVersion);
			assertThat(v.path("active").asBoolean()).isFalse();
			assertThat(v.path("supersededAt").isTextual()).isTrue();
		});
	}

	@Test
	void layersAreValidatedAndReplacedAtomically() throws Exception {
		JsonNode police = get("/api/v1/grid/layers/police");
		ObjectNode overlapping = police.deepCopy();
		((ObjectNode) overlapping.path("features").get(1)).set("geometry",
				police.path("features").get(0).path("geometry"));
		ResponseEntity<JsonNode> rejected = post("/api/v1/grid/layers/police?name=x",
				GridFiles.JSON.writeValueAsBytes(overlapping));
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(rejected.getBody().path("problems").get(0).path("reason").asText()).contains("overlaps cell");
		assertThat(get("/api/v1/grid/layers/police").path("features")).hasSize(police.path("features").size());
		ResponseEntity<JsonNode> created = post("/api/v1/grid/layers/police-2026?name=派出所责任区2026&kind=police",
				GridFiles.JSON.writeValueAsBytes(police));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(get("/api/v1/grid/merge?layer=police-2026")).isNotEmpty();
		ResponseEntity<JsonNode> badCode = post("/api/v1/grid/layers/Bad%20Code?name=x",
				GridFiles.JSON.writeValueAsBytes(police));
		assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

}
