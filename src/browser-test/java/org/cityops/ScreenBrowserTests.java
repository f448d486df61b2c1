package org.cityops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The big screen at 1920×1080: tiles, the map of units, the charts; a case reported on a
 * phone appears in the live feed without a reload; English too.
 */
class ScreenBrowserTests extends BrowserTest {

	@Test
	void aNewCaseAppearsLiveOnTheBigScreen() throws Exception {
		Page screen = browser().signedIn("operator", 1920, 1080);
		screen.navigate(browser().url("/screen"));
		assertThat(screen.locator("#screen[data-ready=true]")).hasCount(1);
		assertThat(screen.locator("#screen-live")).containsText("LIVE");
		assertThat(screen.locator(".screen-head h1")).containsText("桃浦镇城市运行管理中心");
		assertThat(screen.locator("#screen-map path.leaflet-interactive")).hasCount(48);
		assertThat(screen.locator("#screen-trend canvas")).hasCount(1);

		String place = api("operator", "GET",
				"/api/v1/grid/geocode?q=" + URLEncoder.encode("莲花公寓", StandardCharsets.UTF_8), "application/json", "");
		String lon = place.replaceAll("(?s).*\"point\":\\{\"lon\":([0-9.]+).*", "$1");
		String lat = place.replaceAll("(?s).*\"point\":\\{\"lon\":[0-9.]+,\"lat\":([0-9.]+).*", "$1");
		String created = api("inspector", "POST", "/api/v1/cases", "application/json", "{\"channel\":\"INSPECTOR\",\"categoryCode\":\"06001\","
				+ "\"description\":\"大屏实时动态测试：私搭乱建\",\"lon\":" + lon + ",\"lat\":" + lat + "}");
		String number = created.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
		assertThat(screen.locator("#screen-feed li.feed-case", new Page.LocatorOptions().setHasText(number)))
			.containsText("私搭乱建");
		// the tiles follow without waiting for the 30-second refresh
		assertThat(screen.locator(".tile[data-k='today.reported'] b")).not().hasText("0");
		BrowserSession.screenshot(screen, "screen");

		screen.navigate(browser().url("/screen?lang=en"));
		assertThat(screen.locator("#screen[data-ready=true]")).hasCount(1);
		assertThat(screen.locator(".screen-head h1")).containsText("Taopu city operations centre");
		assertThat(screen.locator("#screen-feed")).containsText(number);
		BrowserSession.screenshot(screen, "screen-en");
	}

}
