package org.cityops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.grid.Grid;
import org.cityops.grid.Location;
import org.cityops.shared.GeoPoint;
import org.cityops.system.ApiClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint Spring has registered, called as anonymous, as each kind of machine key
 * and as every role, against the access table in docs/security.md: an endpoint without a
 * row, or a row without an endpoint, fails; so does any answer that differs from the
 * table, and any 5xx. Endpoints on one case, order or device are called with objects in
 * and out of each account's reach; what is in reach is worked out here from the account's
 * scope (its units, and for department staff its department), independently of the
 * platform's own code.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	static final List<String> ROLES = List.of("ADMIN", "OPERATOR", "LEADER", "INSPECTOR", "HANDLER", "COMMITTEE");

	static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?\\}");

	static final ObjectMapper JSON = new ObjectMapper();

	/** Each case fixture's photo, by case id. */
	static final Map<String, String> PHOTOS = new java.util.concurrent.ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Grid grid;

	@Autowired
	ApiClients clients;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String sensorKey;

	/** Fixtures by kind ("case", "order", "device"): id, unit and department. */
	final Map<String, List<Fixture>> fixtures = new LinkedHashMap<>();

	/** Each role's demo account's reach: units (null: all) and department (null: any). */
	final Map<String, Fixture> reach = new HashMap<>();

	record Fixture(String id, String unit, String department) {
	}

	record Row(String method, String path, Map<String, String> cells) {
	}

	@BeforeAll
	void fixtures() throws Exception {
		this.sensorKey = this.clients.create("matrix-sensors", List.of("sensors"), List.of("*"), "test").key();
		Map<String, String> areaOf = new HashMap<>();
		for (JsonNode u : api("admin", HttpMethod.GET, "/api/v1/grid/units", null)) {
			areaOf.put(u.path("code").asText(), u.path("area").path("code").asText());
		}
		for (String role : ROLES) {
			JsonNode scope = api("admin", HttpMethod.GET, "/api/v1/organization/staff/" + role.toLowerCase(), null);
			Set<String> units = switch (scope.path("kind").asText()) {
				case "TOWN" -> null;
				case "AREA" -> {
					Set<String> in = new TreeSet<>();
					scope.path("places").forEach((a) -> areaOf.forEach((u, area) -> {
						if (area.equals(a.asText())) {
							in.add(u);
						}
					}));
					yield in;
				}
				default -> {
					Set<String> in = new TreeSet<>();
					scope.path("places").forEach((p) -> in.add(p.asText()));
					yield in;
				}
			};
			this.reach.put(role, new Fixture(null, (units == null) ? null : String.join(",", units),
					role.equals("HANDLER") ? scope.path("departmentCode").asText() : null));
		}
		this.reach.put("ADMIN", new Fixture(null, null, null));
		String committeeUnit = this.reach.get("COMMITTEE").unit().split(",")[0];
		String westUnit = areaOf.entrySet()
			.stream()
			.filter((e) -> !e.getValue().equals(areaOf.get(committeeUnit)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		GeoPoint inCommittee = pointIn(committeeUnit);
		GeoPoint west = pointIn(westUnit);
		List<Fixture> cases = new ArrayList<>();
		cases.add(dispatchedCase(null, "莲花公寓"));
		cases.add(dispatchedCase(inCommittee, null));
		cases.add(dispatchedCase(west, null));
		this.fixtures.put("case", cases);
		this.fixtures.put("order", List.of(confirmedOrder()));
		this.fixtures.put("device", List.of(device("MX-IN", inCommittee), device("MX-OUT", west)));
		assertThat(cases).as("fixtures in and out of the committee's units")
			.anyMatch((c) -> visible("COMMITTEE", c))
			.anyMatch((c) -> !visible("COMMITTEE", c));
		assertThat(cases).as("a fixture the handler's department has").anyMatch((c) -> visible("HANDLER", c));
	}

	@Test
	void everyEndpointAnswersEveryCallerAsTheAccessTableSays() throws Exception {
		Map<String, Row> table = table();
		Map<String, Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			Set<String> methods = new LinkedHashSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String path : info.getPatternValues()) {
				for (String method : methods) {
					// of the variants by content type, the JSON one (or the one without a
					// condition)
					endpoints.merge(method + " " + path, mapping, (a, b) -> json(a.getKey()) ? a : b);
				}
			}
		}
		Set<String> registered = endpoints.keySet();
		List<String> failures = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, Map.Entry<RequestMappingInfo, HandlerMethod>> endpoint : endpoints.entrySet()) {
			Row row = table.get(endpoint.getKey());
			if (row == null) {
				String[] key = endpoint.getKey().split(" ", 2);
				missing.add("| " + key[0] + " | `" + key[1] + "` | | | | | | | | | |");
				continue;
			}
			check(row, body(endpoint.getValue().getKey(), endpoint.getValue().getValue()), failures);
		}
		Set<String> stale = new TreeSet<>(table.keySet());
		stale.removeAll(registered);
		assertThat(missing).as("endpoints without a row in docs/security.md").isEmpty();
		assertThat(stale).as("rows in docs/security.md without an endpoint").isEmpty();
		assertThat(failures).as("answers that differ from the access table").isEmpty();
	}

	/** A body the endpoint can parse, so that what is checked is who may call it. */
	record Body(String contentType, byte[] bytes, Map<String, String> params, List<String> files) {
	}

	static boolean json(RequestMappingInfo info) {
		Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
		return consumes.isEmpty() || consumes.contains(MediaType.APPLICATION_JSON);
	}

	static Body body(RequestMappingInfo info, HandlerMethod handler) {
		Map<String, String> params = new LinkedHashMap<>();
		List<String> files = new ArrayList<>();
		for (org.springframework.core.MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			org.springframework.web.bind.annotation.RequestParam param = p
				.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
			org.springframework.web.bind.annotation.RequestPart part = p
				.getParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class);
			String name = (param != null) ? param.name() : (part != null) ? part.name() : "";
			name = name.isEmpty() ? p.getParameterName() : name;
			if (org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(p.getParameterType())) {
				files.add(name);
			}
			else if (param != null && param.required()
					&& param.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
					&& !Map.class.isAssignableFrom(p.getParameterType())) {
				Class<?> type = p.getParameterType();
				params.put(name, (type == boolean.class || type == Boolean.class) ? "true" : "1");
			}
		}
		Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
		if (!files.isEmpty()) {
			return new Body(MediaType.MULTIPART_FORM_DATA_VALUE, new byte[0], params, files);
		}
		if (json(info)) {
			boolean list = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch((p) -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
						&& java.util.Collection.class.isAssignableFrom(p.getParameterType()));
			return new Body(MediaType.APPLICATION_JSON_VALUE, (list ? "[]" : "{}").getBytes(StandardCharsets.UTF_8),
					params, files);
		}
		MediaType type = consumes.iterator().next();
		return new Body(type.isWildcardSubtype() ? "application/octet-stream" : type.toString(),
				"x".getBytes(StandardCharsets.UTF_8), params, files);
	}

	@Test
	void listsHoldWhatIsInReachAndNothingElse() throws Exception {
		for (String role : ROLES) {
			Set<String> cases = new TreeSet<>();
			for (JsonNode c : api(role, HttpMethod.GET, "/api/v1/cases?size=500", null).path("items")) {
				Fixture seen = new Fixture(c.path("id").asText(), c.path("location").path("unit").asText(),
						c.path("departmentCode").asText(null));
				assertThat(visible(role, seen)).as(role + " lists case " + seen).isTrue();
				cases.add(seen.id());
			}
			for (Fixture c : this.fixtures.get("case")) {
				assertThat(cases.contains(c.id())).as(role + " lists its fixture case " + c)
					.isEqualTo(visible(role, c));
			}
			Set<String> orders = new TreeSet<>();
			for (JsonNode o : api(role, HttpMethod.GET, "/api/v1/hotline/orders?size=500", null).path("items")) {
				Fixture seen = new Fixture(o.path("id").asText(), o.path("place").path("unit").asText(null),
						o.path("departmentCode").asText(null));
				assertThat(visible(role, seen)).as(role + " lists order " + seen).isTrue();
				orders.add(seen.id());
			}
			for (Fixture o : this.fixtures.get("order")) {
				assertThat(orders.contains(o.id())).as(role + " lists its fixture order " + o)
					.isEqualTo(visible(role, o));
			}
			Set<String> devices = new TreeSet<>();
			api(role, HttpMethod.GET, "/api/v1/sensors/map", null).forEach((d) -> devices.add(d.get(0).asText()));
			for (Fixture d : this.fixtures.get("device")) {
				assertThat(devices.contains(d.id())).as(role + " maps its fixture device " + d)
					.isEqualTo(visible(role, d));
			}
		}
	}

	/**
	 * Every role's figures are those of its own reach: the KPIs count what a direct count
	 * of the read model over the account's units (and department) gives, and the figures
	 * per unit and per department name nothing outside it.
	 */
	@Test
	void figuresCountWhatIsInReach() throws Exception {
		awaitReadModel();
		for (String role : ROLES) {
			JsonNode kpis = api(role, HttpMethod.GET, "/api/v1/dashboard/kpis?from=2020-01-01&to=2029-12-31", null);
			Fixture r = this.reach.get(role);
			String[] units = (r.unit() == null) ? null : r.unit().split(",");
			long direct = this.jdbc.sql("""
					select count(*) from dash_case
					 where reported_at >= :from::timestamptz and reported_at < :to::timestamptz
					   and (cast(:units as text[]) is null or unit_code = any(:units))
					   and (cast(:department as text) is null or department_code = :department)""")
				.param("from", kpis.path("filter").path("from").asText())
				.param("to", kpis.path("filter").path("to").asText())
				.param("units", units)
				.param("department", r.department())
				.query(Long.class)
				.single();
			assertThat(kpis.path("counts").path("reported").asLong()).as(role + " reported cases").isEqualTo(direct);
			for (JsonNode u : api(role, HttpMethod.GET, "/api/v1/dashboard/kpis/by/unit?from=2020-01-01&to=2029-12-31",
					null)) {
				assertThat(visible(role, new Fixture(null, u.path("key").asText(), r.department())))
					.as(role + " has figures of unit " + u.path("key").asText())
					.isTrue();
			}
			for (JsonNode d : api(role, HttpMethod.GET,
					"/api/v1/dashboard/kpis/by/department?from=2020-01-01&to=2029-12-31", null)) {
				assertThat(r.department() == null || r.department().equals(d.path("key").asText()))
					.as(role + " has figures of department " + d.path("key").asText())
					.isTrue();
			}
		}
		long town = api("ADMIN", HttpMethod.GET, "/api/v1/dashboard/kpis?from=2020-01-01&to=2029-12-31", null)
			.path("counts")
			.path("reported")
			.asLong();
		long committee = api("COMMITTEE", HttpMethod.GET, "/api/v1/dashboard/kpis?from=2020-01-01&to=2029-12-31", null)
			.path("counts")
			.path("reported")
			.asLong();
		assertThat(committee).as("a committee's figures are a part of the town's").isPositive().isLessThan(town);
	}

	/** Waits until the read model holds every case (it listens after each commit). */
	private void awaitReadModel() {
		await().atMost(java.time.Duration.ofSeconds(30))
			.alias("the read model catches up with the cases")
			.until(() -> this.jdbc.sql("select count(*) from case_file")
				.query(Long.class)
				.single()
				.equals(this.jdbc.sql("select count(*) from dash_case").query(Long.class).single()));
	}

	private void check(Row row, Body body, List<String> failures) throws Exception {
		String kind = fixtureKind(row.path());
		List<Fixture> objects = (kind != null) ? this.fixtures.get(kind) : List.of(new Fixture("999999", null, null));
		for (Fixture object : objects) {
			String url = url(row.path(), object.id());
			call(row, body, url, "anonymous", failures, null);
			call(row, body, url, "hotline", failures, null);
			call(row, body, url, "sensors", failures, null);
			for (String role : ROLES) {
				call(row, body, url, role, failures, (kind != null) ? object : null);
			}
		}
	}

	private void call(Row row, Body body, String url, String who, List<String> failures, Fixture object)
			throws Exception {
		MockHttpServletResponse response;
		try {
			response = send(row.method(), url, who, row.path().startsWith("/api/"), body);
		}
		catch (jakarta.servlet.ServletException ex) {
			// what a servlet container turns into a 500
			failures.add(row.method() + " " + url + " as " + who + " → 500: " + ex.getRootCause());
			return;
		}
		int status = response.getStatus();
		String location = response.getHeader("Location");
		boolean refused = status == 401 || status == 403
				|| (status == 302 && location != null && location.contains("/login") && !url.startsWith("/login"));
		String cell = switch (who) {
			case "anonymous" -> row.cells().get("anonymous");
			case "hotline", "sensors" -> row.cells().get("key").contains(who) ? "✓" : "–";
			default -> row.cells().get(who);
		};
		String what = row.method() + " " + url + " as " + who + " (" + cell + ") → " + status;
		if (status >= 500) {
			failures.add(what + " server error: " + response.getContentAsString(StandardCharsets.UTF_8));
			return;
		}
		switch (cell) {
			case "–" -> {
				// out of reach, not even its existence is told
				boolean hidden = object != null && !visible(who, object) && status == 404;
				if (!refused && !hidden) {
					failures.add(what + ": expected a refusal");
				}
			}
			case "✓" -> {
				if (refused) {
					failures.add(what + ": expected it to be allowed");
				}
			}
			case "S" -> {
				boolean visible = object == null || visible(who, object);
				if (refused && visible) {
					failures.add(what + ": expected it allowed for an object in reach");
				}
				if (!visible && status != 404 && !refused) {
					failures.add(what + ": expected 404 for an object out of reach");
				}
				if (visible && status == 404) {
					failures.add(what + ": an object in reach was not found");
				}
			}
			default -> failures.add(what + ": unknown cell '" + cell + "' in docs/security.md");
		}
	}

	/** Whether the object is in the reach of the role's demo account (the oracle). */
	boolean visible(String role, Fixture object) {
		Fixture r = this.reach.get(role);
		boolean place = r.unit() == null || List.of(r.unit().split(",")).contains(object.unit());
		boolean work = r.department() == null || r.department().equals(object.department());
		return place && work;
	}

	private MockHttpServletResponse send(String method, String url, String who, boolean api, Body body)
			throws Exception {
		boolean write = !method.equals("GET") && !method.equals("HEAD");
		MockHttpServletRequestBuilder request;
		if (write && !body.files().isEmpty()) {
			org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder multipart = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart(HttpMethod.valueOf(method), url);
			body.files()
				.forEach((name) -> multipart.file(new org.springframework.mock.web.MockMultipartFile(name, "x.bin",
						"application/octet-stream", "x".getBytes(StandardCharsets.UTF_8))));
			request = multipart;
		}
		else {
			request = request(HttpMethod.valueOf(method), url);
			if (write && api) {
				request.contentType(body.contentType()).content(body.bytes());
			}
		}
		if (write) {
			body.params().forEach(request::param);
		}
		switch (who) {
			case "anonymous" -> {
			}
			case "hotline" -> request.header("X-API-Key", "cityops-demo-hotline-key");
			case "sensors" -> request.header("X-API-Key", this.sensorKey);
			default -> {
				if (api) {
					request.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((who.toLowerCase() + ":cityops-demo").getBytes(StandardCharsets.UTF_8)));
				}
				else {
					request.with(user(who.toLowerCase()).roles(who));
				}
			}
		}
		if (write && !api) {
			request.with(csrf());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** Which fixtures an endpoint's {id} names, by its path. */
	static String fixtureKind(String path) {
		if (path.matches("(/api/v1)?/cases/\\{id}.*")) {
			return "case";
		}
		if (path.matches("/api/v1/hotline/orders/\\{id}.*|/hotline/\\{id}.*")) {
			return "order";
		}
		if (path.matches("(/api/v1)?/sensors/devices/\\{id}.*")) {
			return "device";
		}
		return null;
	}

	/**
	 * The path with its variables filled in: the object's id, else a value of the right
	 * shape.
	 */
	static String url(String path, String id) {
		Matcher m = VARIABLE.matcher(path);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = switch (m.group(1)) {
				case "id" -> id;
				case "action" -> path.startsWith("/api/v1/hotline") || path.startsWith("/hotline") ? "contact"
						: path.contains("/alarms/") ? "acknowledge" : "supervise";
				case "photoId" -> PHOTOS.getOrDefault(id, "999999");
				case "month" -> "2026-11";
				case "dimension" -> "area";
				case "subject" -> "departments";
				case "username" -> "inspector";
				case "number" -> "NO-SUCH-ORDER";
				default -> "999999";
			};
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The access table: rows of docs/security.md whose first cell is an HTTP method. */
	static Map<String, Row> table() throws IOException {
		List<String> columns = List.of("method", "path", "anonymous", "key", "ADMIN", "OPERATOR", "LEADER", "INSPECTOR",
				"HANDLER", "COMMITTEE", "what");
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("docs/security.md"), StandardCharsets.UTF_8)) {
			if (!line.matches("\\| (GET|POST|PUT|DELETE|PATCH) \\|.*")) {
				continue;
			}
			String[] parts = line.substring(1).split("\\|", -1);
			Map<String, String> cells = new HashMap<>();
			for (int i = 0; i < columns.size() && i < parts.length; i++) {
				cells.put(columns.get(i), parts[i].trim().replace("`", ""));
			}
			Row row = new Row(cells.get("method"), cells.get("path"), cells);
			assertThat(rows.put(row.method() + " " + row.path(), row)).as("one row for " + line).isNull();
		}
		return rows;
	}

	private GeoPoint pointIn(String unit) {
		for (double lon = 121.33; lon < 121.42; lon += 0.001) {
			for (double lat = 31.265; lat < 31.30; lat += 0.001) {
				try {
					Location l = this.grid.locate(new GeoPoint(lon, lat));
					if (l.hasUnit() && l.unit().code().equals(unit)) {
						return new GeoPoint(lon, lat);
					}
				}
				catch (org.cityops.grid.GridNotFound outsideTheDistrict) {
					// keep looking
				}
			}
		}
		throw new IllegalStateException("No point found in unit " + unit);
	}

	private Fixture dispatchedCase(GeoPoint at, String address) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("channel", "INSPECTOR");
		body.put("categoryCode", "06001");
		body.put("description", "访问矩阵测试");
		if (at != null) {
			body.put("lon", at.lon());
			body.put("lat", at.lat());
		}
		else {
			body.put("address", address);
		}
		JsonNode c = api("admin", HttpMethod.POST, "/api/v1/cases", body);
		long id = c.path("id").asLong();
		api("operator", HttpMethod.POST, "/api/v1/cases/" + id + "/register", Map.of());
		JsonNode d = api("operator", HttpMethod.POST, "/api/v1/cases/" + id + "/dispatch", Map.of());
		MockHttpServletResponse photo = this.mvc
			.perform(request(HttpMethod.POST, "/api/v1/cases/" + id + "/photos?stage=BEFORE")
				.header("Authorization", basic("admin"))
				.contentType(MediaType.IMAGE_PNG)
				.content(png()))
			.andReturn()
			.getResponse();
		assertThat(photo.getStatus()).as(photo.getContentAsString()).isEqualTo(201);
		PHOTOS.put(String.valueOf(id), JSON.readTree(photo.getContentAsByteArray()).path("id").asText());
		return new Fixture(String.valueOf(id), d.path("location").path("unit").asText(),
				d.path("departmentCode").asText());
	}

	private Fixture confirmedOrder() throws Exception {
		Map<String, Object> o = new HashMap<>();
		o.put("number", "MX-" + System.nanoTime());
		o.put("receivedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString());
		o.put("callerName", "张三丰");
		o.put("callerPhone", "13812345678");
		o.put("type", "投诉");
		o.put("address", "莲花公寓");
		o.put("content", "小区门口私搭乱建彩钢板棚，影响通行");
		MockHttpServletResponse sent = this.mvc
			.perform(request(HttpMethod.POST, "/api/v1/hotline/orders").header("X-API-Key", "cityops-demo-hotline-key")
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsBytes(o)))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
		long id = JSON.readTree(sent.getContentAsByteArray()).path("id").asLong();
		JsonNode confirmed = api("operator", HttpMethod.POST, "/api/v1/hotline/orders/" + id + "/confirm",
				Map.of("categoryCode", "06001"));
		return new Fixture(String.valueOf(id), confirmed.path("place").path("unit").asText(),
				confirmed.path("departmentCode").asText());
	}

	private Fixture device(String id, GeoPoint at) throws Exception {
		api("admin", HttpMethod.POST, "/api/v1/sensors/devices",
				List.of(Map.of("id", id, "type", "SMOKE", "lon", at.lon(), "lat", at.lat())));
		JsonNode d = api("admin", HttpMethod.GET, "/api/v1/sensors/devices/" + id, null);
		return new Fixture(id, d.path("unit_code").asText(), null);
	}

	static byte[] png() throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", out);
		return out.toByteArray();
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user.toLowerCase() + ":cityops-demo").getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode api(String user, HttpMethod method, String url, Object body) throws Exception {
		MockHttpServletRequestBuilder request = request(method, url).header("Authorization",
				"Basic " + Base64.getEncoder()
					.encodeToString((user.toLowerCase() + ":cityops-demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(body));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(method + " " + url + ": " + response.getContentAsString()).isLessThan(300);
		return JSON.readTree(response.getContentAsByteArray());
	}

}
