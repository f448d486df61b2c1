package org.cityops;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every API endpoint (property-based, jqwik): control characters,
 * numbers that overflow, years 0 and 10000, spans of millennia, unknown codes, and JSON
 * bodies of the right field names with the wrong everything else, sent as the
 * administrator (who gets furthest into the code). Whatever is sent, the answer is never
 * a 5xx, and a refused request (4xx) writes nothing.
 */
class ApiFuzzTests {

	static ConfigurableApplicationContext app;

	static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String base;

	static List<Endpoint> endpoints;

	/** The pages' endpoints (outside /api): their query and form parameters. */
	static List<Endpoint> pages;

	/** Field names the pages' free-form handlers read (a form sent as a map). */
	static final List<String> FORM_FIELDS = List.of("text", "note", "department", "categoryCode", "lon", "lat",
			"method", "said", "reason", "approve", "efficiency", "attitude", "result", "solved", "month", "q", "page",
			"passed", "workingDays", "decision", "into", "simpleProcedure", "description", "channel", "address");

	static final ObjectMapper JSON = new ObjectMapper();

	static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?\\}");

	/**
	 * Tables only requests write (no sweeper or listener does): a refusal leaves them as
	 * they were.
	 */
	static final String FINGERPRINT = """
			select (select count(*) from case_file) || '/' || (select count(*) from case_photo) || '/'
			    || (select count(*) from hotline_order) || '/' || (select count(*) from hotline_import) || '/'
			    || (select count(*) from hotline_callback) || '/' || (select count(*) from sensor_device) || '/'
			    || (select count(*) from sensor_gateway) || '/' || (select count(*) from sensor_reading) || '/'
			    || (select count(*) from grid_version) || '/' || (select count(*) from grid_layer) || '/'
			    || (select count(*) from worktime_day) || '/' || (select count(*) from catalog_category_revision)
			    || '/' || (select count(*) from routing_rule) || '/' || (select count(*) from api_client) || '/'
			    || (select count(*) from dash_report) || '/' || (select count(*) from staff_scope)""";

	record Endpoint(String method, String path, List<String> params, List<String> fields, boolean listBody) {
	}

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(CityOpsApplication.class).run("--server.port=0",
				"--cityops.data-dir=target/test-data/fuzz-" + System.nanoTime(),
				"--cityops.embedded-db.temporary=true");
		base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
		try {
			signIn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		endpoints = new ArrayList<>();
		pages = new ArrayList<>();
		RequestMappingHandlerMapping mappings = app.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			for (String path : m.getKey().getPatternValues()) {
				// the live feed streams forever: not a request-and-answer endpoint; the
				// error
				// page is Spring's own
				if (path.endsWith("/stream") || path.equals("/error")) {
					continue;
				}
				boolean page = !path.startsWith("/api/");
				// signing in and out is not a form of the platform's own
				if (path.equals("/login") || path.equals("/logout")) {
					continue;
				}
				List<String> params = new ArrayList<>();
				List<String> fields = new ArrayList<>();
				boolean list = false;
				for (MethodParameter p : m.getValue().getMethodParameters()) {
					p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
					RequestParam rp = p.getParameterAnnotation(RequestParam.class);
					if (rp != null && Map.class.isAssignableFrom(p.getParameterType())) {
						params.addAll(FORM_FIELDS);
					}
					else if (rp != null) {
						params.add(rp.name().isEmpty() ? p.getParameterName() : rp.name());
					}
					else if (page && p.getParameterType().isRecord()
							&& p.getParameterType().getName().startsWith("org.cityops")) {
						// a page's form, bound field by field
						for (var c : p.getParameterType().getRecordComponents()) {
							params.add(c.getName());
						}
					}
					if (p.hasParameterAnnotation(RequestBody.class)) {
						Class<?> type = p.getParameterType();
						list = java.util.Collection.class.isAssignableFrom(type);
						Class<?> element = list
								? (Class<?>) ((java.lang.reflect.ParameterizedType) p.getGenericParameterType())
									.getActualTypeArguments()[0]
								: type;
						if (element.isRecord()) {
							for (var c : element.getRecordComponents()) {
								fields.add(c.getName());
							}
						}
					}
				}
				Iterable<org.springframework.web.bind.annotation.RequestMethod> methods = m.getKey()
					.getMethodsCondition()
					.getMethods();
				List<Endpoint> into = page ? pages : endpoints;
				for (var method : methods) {
					into.add(new Endpoint(method.name(), path, params, fields, list));
				}
				if (!methods.iterator().hasNext()) {
					into.add(new Endpoint("GET", path, params, fields, list));
				}
			}
		}
	}

	/** The pages' client: a browser's session, signed in with the form. */
	static HttpClient browser;

	static String csrf;

	static String csrfHeader;

	/** Signs in with the form, as a person does, and keeps the session's CSRF token. */
	static void signIn() throws Exception {
		browser = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=admin&password=cityops-demo&_csrf=" + encode(token.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String home = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(home);
		Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\">").matcher(home);
		assertThat(meta.find() && header.find()).as("the signed-in page's CSRF token").isTrue();
		csrf = meta.group(1);
		csrfHeader = header.group(1);
	}

	@AfterContainer
	static void stop() {
		app.close();
		// the page property reached the pages, not only their refusals
		assertThat(PAGES_SERVED.get()).as("page requests answered with a page or a redirect").isGreaterThan(100);
	}

	@Property(tries = 2000)
	void noInputGetsAServerErrorAndARefusalWritesNothing(@ForAll("requests") Request r) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		String before = jdbc.sql(FINGERPRINT).query(String.class).single();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + r.url()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:cityops-demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json");
		request.method(r.method(),
				r.body() != null ? HttpRequest.BodyPublishers.ofString(r.body()) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(r + " → " + response.body()).isLessThan(500);
		if (response.statusCode() >= 400) {
			assertThat(jdbc.sql(FINGERPRINT).query(String.class).single()).as("written by the refused " + r)
				.isEqualTo(before);
		}
	}

	/**
	 * The pages' forms and queries, sent as a signed-in administrator would send them:
	 * whatever the values, the answer is a page or a redirect with what to change, never
	 * a server error, and a refusal writes nothing.
	 */
	@Property(tries = 1000)
	void noFormOrQueryOfAPageGetsAServerErrorAndARefusalWritesNothing(@ForAll("forms") Request r) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		String before = jdbc.sql(FINGERPRINT).query(String.class).single();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + r.url()))
			.timeout(Duration.ofSeconds(30))
			.header(csrfHeader, csrf)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded");
		request.method(r.method(),
				r.body() != null ? HttpRequest.BodyPublishers.ofString(r.body()) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(r + " → " + response.body()).isLessThan(500);
		assertThat(response.headers().firstValue("Location").orElse("")).as("signed in: " + r).doesNotContain("/login");
		if (response.statusCode() < 400) {
			PAGES_SERVED.incrementAndGet();
		}
		if (response.statusCode() >= 400) {
			assertThat(jdbc.sql(FINGERPRINT).query(String.class).single()).as("written by the refused " + r)
				.isEqualTo(before);
		}
	}

	/** Page requests answered with a page or a redirect (not a refusal). */
	static final java.util.concurrent.atomic.AtomicInteger PAGES_SERVED = new java.util.concurrent.atomic.AtomicInteger();

	@Provide
	Arbitrary<Request> forms() {
		return Arbitraries.of(pages).flatMap((e) -> {
			int variables = (int) VARIABLE.matcher(e.path()).results().count();
			Arbitrary<List<String>> pathValues = inUrl().list().ofSize(variables);
			Arbitrary<Map<String, String>> fields = Arbitraries.subsetOf(e.params())
				.flatMap((names) -> nasty().list()
					.ofSize(names.size())
					.map((values) -> zip(new ArrayList<>(names), values)));
			boolean get = e.method().equals("GET");
			return Combinators.combine(pathValues, fields).as((p, f) -> {
				if (get) {
					Map<String, String> shortOnes = new LinkedHashMap<>();
					f.forEach((k, v) -> shortOnes.put(k, (v.length() > 400) ? v.substring(0, 400) : v));
					return new Request(e.method(), url(e.path(), p, shortOnes), null);
				}
				StringBuilder form = new StringBuilder();
				f.forEach((k,
						v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
				return new Request(e.method(), url(e.path(), p, Map.of()), form.toString());
			});
		});
	}

	record Request(String method, String url, String body) {
	}

	@Provide
	Arbitrary<Request> requests() {
		return Arbitraries.of(endpoints).flatMap((e) -> {
			int variables = (int) VARIABLE.matcher(e.path()).results().count();
			// in the URL at most 400 characters: Tomcat refuses an over-long request line
			// itself
			Arbitrary<List<String>> pathValues = inUrl().list().ofSize(variables);
			Arbitrary<Map<String, String>> query = Arbitraries.subsetOf(e.params())
				.flatMap((names) -> inUrl().list()
					.ofSize(names.size())
					.map((values) -> zip(new ArrayList<>(names), values)));
			Arbitrary<String> body = e.method().equals("GET") ? Arbitraries.just(null) : body(e);
			return Combinators.combine(pathValues, query, body)
				.as((p, q, b) -> new Request(e.method(), url(e.path(), p, q), b));
		});
	}

	private static Map<String, String> zip(List<String> names, List<String> values) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			out.put(names.get(i), values.get(i));
		}
		return out;
	}

	private static String url(String path, List<String> values, Map<String, String> query) {
		Matcher m = VARIABLE.matcher(path);
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (m.find()) {
			String v = values.get(i++);
			m.appendReplacement(out, Matcher.quoteReplacement(v.isEmpty() ? "x" : encode(v)));
		}
		m.appendTail(out);
		StringBuilder q = new StringBuilder();
		query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
		return out + q.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * JSON with the body's field names (a list of them, if the body is a list) and nasty
	 * values.
	 */
	private static Arbitrary<String> body(Endpoint e) {
		Arbitrary<Object> value = Arbitraries.oneOf(nasty().map((s) -> (Object) s),
				Arbitraries.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e-308, 100000, 9999999999L)
					.map((n) -> (Object) n),
				Arbitraries.of(true, false).map((b) -> (Object) b), Arbitraries.just(null),
				Arbitraries.just(List.of("x", 1)), Arbitraries.just(Map.of("a", "\u0000")));
		Arbitrary<Map<String, Object>> object = value.list().ofSize(e.fields().size()).map((values) -> {
			Map<String, Object> o = new LinkedHashMap<>();
			for (int i = 0; i < values.size(); i++) {
				o.put(e.fields().get(i), values.get(i));
			}
			return o;
		});
		Arbitrary<String> json = (e.listBody() ? object.list().ofMaxSize(3).map(ApiFuzzTests::write)
				: object.map(ApiFuzzTests::write));
		return Arbitraries.oneOf(json, Arbitraries.of("", "{", "[]", "{}", "null", "\"x\"", "{\"a\":\"\\u0000\"}"));
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Arbitrary<String> inUrl() {
		return nasty().filter((s) -> s.length() <= 400);
	}

	/** Values that have broken servers before. */
	static Arbitrary<String> nasty() {
		return Arbitraries.oneOf(Arbitraries.of("", " ", "\u0000", "a\u0000b", "\u0007", "-1", "0", "1", "2147483647",
				"2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN", "Infinity", "0.5", "0000-01",
				"-0001-01", "10000-01", "2026-13", "2026-00", "2026-02-30", "0001-01-01", "0000-01-01", "-5000-01-01",
				"9999-12-31", "+10000-01-01", "2026-11", "2026-11-30", "1970-01-01T00:00:00Z",
				"+999999999-12-31T23:59:59Z", "2026-12-03T09:00:00Z", "100000", "WORKING_DAYS", "HOURS", "NOPE",
				"06001", "310107103", "TP-CGP1", "OPEN", "CLOSED", "true", "'; drop table x; --", "%", "_",
				"../../etc/passwd", "<script>", "莲花公寓", "武威路1082弄", "areas", "departments", "json", "xlsx", "csv"),
				Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().withCharRange('0', '9').ofLength(400),
				Arbitraries.strings().ofLength(5000));
	}

}
