package org.cityops;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What a person sees on the grid map, in Chromium: the Taopu territory, a unit's details on click, address search,
 * and the English switch.
 */
class GridMapBrowserTests extends BrowserTest {

	private Page openMap(int width, int height) {
		Page page = browser().signedIn("operator", width, height);
		page.navigate(browser().url("/grid"));
		page.waitForSelector("#map[data-ready=true]");
		return page;
	}

	@Test
	void mapShowsTheTaopuGridWithItsFortyEightUnits() {
		Page page = openMap(1400, 900);
		assertThat(page.locator("path.grid-unit")).hasCount(48);
		assertThat(page.locator(".leaflet-control-layers")).isVisible();
		assertThat(page.locator("#address-search button")).hasText("查询");
		BrowserSession.screenshot(page, "grid-map");
	}

	@Test
	void clickingAUnitShowsItsHierarchyAndCompounds() {
		Page page = openMap(1400, 900);
		String code = "310107103001001";
		// Click where a person would: the middle of the unit as drawn (compounds on top of it count as the unit).
		var box = page.locator("path.unit-" + code).boundingBox();
		page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
		page.waitForSelector("#unit-code", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
		assertThat(page.locator("#unit-code")).hasText(code);
		assertThat(page.locator("#unit-committee")).hasText("莲花公寓居委会");
		assertThat(page.locator("#unit-compounds li")).not().hasCount(0);
		assertThat(page.locator("#unit-compounds")).containsText("莲花公寓");
		BrowserSession.screenshot(page, "grid-unit-panel");
	}

	@Test
	void searchingAnAddressFindsItsUnit() {
		Page page = openMap(1400, 900);
		page.fill("#address-query", "桃浦镇武威路１０８２弄5号");
		page.click("#address-search button");
		assertThat(page.locator("#search-result")).containsText("武威路1082弄");
		assertThat(page.locator(".leaflet-marker-icon.address-marker")).hasCount(1);
		page.waitForSelector("#unit-code");
		assertThat(page.locator("#unit-compounds")).containsText("武威路1082弄");
		BrowserSession.screenshot(page, "grid-address-search");
	}

	@Test
	void anUnknownAddressSaysSo() {
		Page page = openMap(1400, 900);
		page.fill("#address-query", "不存在路5号");
		page.click("#address-search button");
		assertThat(page.locator("#search-result.error")).containsText("不存在路");
	}

	@Test
	void worksOnAPhoneAndInEnglish() {
		Page page = browser().signedIn("inspector", 390, 844);
		page.navigate(browser().url("/grid?lang=en"));
		page.waitForSelector("#map[data-ready=true]");
		assertThat(page.locator("#address-search button")).hasText("Search");
		assertThat(page.locator("path.grid-unit")).hasCount(48);
		BrowserSession.screenshot(page, "grid-map-phone-en");
	}

}
