package org.cityops.hotline;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hotline's time limits, in working time ({@code cityops.hotline.*}).
 *
 * @param firstContactWorkingDays first contact (先行联系) after receipt
 * @param urgentFirstContactWorkingHours first contact for an urgent order
 * @param conclusionWorkingDays conclusion (办结) after receipt, by type
 * @param complexWorkingDays conclusion for a complex order, once the operator approves
 * @param rehandleWorkingDays conclusion of a re-handling after a dissatisfied callback
 * @param warnBeforeWorkingHours how long before a deadline the order is flagged
 */
@ConfigurationProperties("cityops.hotline")
record HotlineProperties(@DefaultValue("1") int firstContactWorkingDays,
		@DefaultValue("2") int urgentFirstContactWorkingHours, Map<OrderType, Integer> conclusionWorkingDays,
		@DefaultValue("15") int complexWorkingDays, @DefaultValue("3") int rehandleWorkingDays,
		@DefaultValue("4") int warnBeforeWorkingHours) {

	private static final Map<OrderType, Integer> DEFAULTS = Map.of(OrderType.CONSULTATION, 1, OrderType.SUGGESTION, 1,
			OrderType.HELP, 5, OrderType.COMPLAINT, 5, OrderType.REPORT, 5);

	HotlineProperties {
		Map<OrderType, Integer> days = new EnumMap<>(DEFAULTS);
		if (conclusionWorkingDays != null) {
			days.putAll(conclusionWorkingDays);
		}
		conclusionWorkingDays = Map.copyOf(days);
	}

}
