package org.cityops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk view of the figures: the tiles show what the KPI API answers, for the town and
 * for one area; last month's report is made and kept from the page and its PDF opens;
 * English too.
 */
class DashboardBrowserTests extends BrowserTest {

	@Test
	void theOperatorReadsTheFiguresFiltersByAreaAndKeepsLastMonthsReport() throws Exception {
		String place = api("operator", "GET",
				"/api/v1/grid/geocode?q=" + URLEncoder.encode("莲花公寓", StandardCharsets.UTF_8), "application/json", "");
		String lon = place.replaceAll("(?s).*\"point\":\\{\"lon\":([0-9.]+).*", "$1");
		String lat = place.replaceAll("(?s).*\"point\":\\{\"lon\":[0-9.]+,\"lat\":([0-9.]+).*", "$1");
		api("inspector", "POST", "/api/v1/cases", "application/json", "{\"channel\":\"INSPECTOR\",\"categoryCode\":"
				+ "\"06001\",\"description\":\"考评页测试：私搭乱建\",\"lon\":" + lon + ",\"lat\":" + lat + "}");

		Page page = browser().signedIn("operator", 1440, 1000);
		page.navigate(browser().url("/dashboard"));
		assertThat(page.locator("h1")).hasText("考评与报表");
		String town = api("operator", "GET", "/api/v1/dashboard/kpis", "application/json", "");
		String reported = town.replaceAll("(?s).*\"reported\":([0-9]+).*", "$1");
		assertThat(page.locator("#kpi-counts [data-count=reported] .kpi-value")).hasText(reported);
		assertThat(page.locator("#kpi-rates .kpi")).hasCount(17);

		// one area: the tiles follow the filter
		String area = page.locator("select[name=area] option").nth(1).getAttribute("value");
		page.selectOption("select[name=area]", area);
		page.click("#kpi-filter button[type=submit]");
		String inArea = api("operator", "GET", "/api/v1/dashboard/kpis?area=" + area, "application/json", "");
		assertThat(page.locator("#kpi-counts [data-count=reported] .kpi-value"))
			.hasText(inArea.replaceAll("(?s).*\"reported\":([0-9]+).*", "$1"));
		assertThat(page.locator("#csv")).hasAttribute("href", java.util.regex.Pattern.compile("area=" + area));
		BrowserSession.screenshot(page, "dashboard");

		// last month's report, made and kept from the page
		String last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		page.fill("#make-report input[name=month]", last);
		page.click("#make-report button[type=submit]");
		assertThat(page.locator("#flash")).containsText(last);
		assertThat(page.locator("#kept-reports tr[data-month='" + last + "']")).containsText("operator");
		APIResponse pdf = page.request().get(browser().url("/api/v1/dashboard/reports/" + last + ".pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		// a month that does not exist: the reason, and this month's figures instead
		page.navigate(browser().url("/dashboard?month=2026-13"));
		assertThat(page.locator("#flash-error")).containsText("2026-13");
		assertThat(page.locator("#kpi-counts [data-count=reported] .kpi-value")).hasText(reported);

		page.navigate(browser().url("/dashboard?lang=en"));
		assertThat(page.locator("h1")).hasText("KPIs and reports");
		assertThat(page.locator("#kept-reports")).containsText(last);
		BrowserSession.screenshot(page, "dashboard-en");
	}

	@Test
	void anInspectorOnAPhoneSeesTheFiguresOfItsOwnPatchAndNoTownRankings() throws Exception {
		String own = api("inspector", "GET", "/api/v1/dashboard/kpis", "application/json", "");
		String town = api("operator", "GET", "/api/v1/dashboard/kpis", "application/json", "");
		long ownReported = Long.parseLong(own.replaceAll("(?s).*\"reported\":([0-9]+).*", "$1"));
		long townReported = Long.parseLong(town.replaceAll("(?s).*\"reported\":([0-9]+).*", "$1"));
		assertThat(ownReported).isLessThanOrEqualTo(townReported);

		Page page = browser().signedIn("inspector", 390, 844);
		page.navigate(browser().url("/dashboard"));
		assertThat(page.locator("#kpi-counts [data-count=reported] .kpi-value")).hasText(String.valueOf(ownReported));
		assertThat(page.locator("h1")).hasText("辖区数据");
		assertThat(page.locator("#own-reach")).containsText("您负责范围");
		assertThat(page.locator("#eval-departments")).hasCount(0);
		assertThat(page.locator("#kept-reports")).hasCount(0);
		BrowserSession.screenshot(page, "dashboard-inspector-phone");
	}

}
