package org.cityops.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.cityops.cases.Actor;
import org.cityops.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's name and phone: masked everywhere (lists, order pages, exports) and shown
 * in full only on request, to the operator and to the department handling the order, and
 * for a confidential order to the operator alone. Every such view is logged.
 */
@Service
class CallerData {

	private final HotlineOrders orders;

	private final JdbcClient jdbc;

	private final Clock clock;

	CallerData(HotlineOrders orders, JdbcClient jdbc, Clock clock) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A caller as shown: masked or in full; {@code hidden} for a confidential order. */
	public record Caller(String name, String phone, boolean masked, boolean hidden) {
	}

	static Caller masked(HotlineOrder o) {
		if (o.confidential) {
			return new Caller(null, null, true, true);
		}
		return new Caller(maskName(o.callerName), maskPhone(o.callerPhone), true, false);
	}

	/** 张三 → 张*, 欧阳娜娜 → 欧***. */
	static String maskName(String name) {
		if (name == null) {
			return null;
		}
		int length = name.codePointCount(0, name.length());
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, Math.min(length - 1, 3)));
	}

	/** 13812345678 → 138****5678; short numbers keep their last two digits. */
	static String maskPhone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() >= 7) {
			return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
		}
		return "****" + digits.substring(Math.max(0, digits.length() - 2));
	}

	/** Whether the actor may see this order's caller in full. */
	static boolean maySee(HotlineOrder o, Actor by) {
		if (by.role() == Role.OPERATOR) {
			return true;
		}
		return !o.confidential && HotlineDesk.isHandlingDepartment(o, by);
	}

	/**
	 * The caller in full, logged.
	 * @param via where it is shown: PAGE or API
	 */
	@Transactional
	public Caller reveal(long id, Actor by, String via) {
		HotlineOrder o = this.orders.find(id, by.reach()).orElseThrow(() -> HotlineProblem.notFound("with id " + id));
		if (!maySee(o, by)) {
			throw HotlineProblem.forbidden(o.confidential
					? "Order " + o.number + " is confidential: only the operations centre sees its caller"
					: "Only the operations centre and the department handling order " + o.number + " see its caller");
		}
		this.jdbc.sql("insert into hotline_caller_view (order_id, viewed_by, role, at, via) values (?, ?, ?, ?, ?)")
			.params(o.id, by.username(), by.role().name(), Timestamp.from(this.clock.instant()), via)
			.update();
		return new Caller(o.callerName, o.callerPhone, false, false);
	}

	/**
	 * Who saw the order's caller, newest first (of an order within the reader's reach).
	 */
	public List<Map<String, Object>> views(long id, Actor reader) {
		this.orders.find(id, reader.reach()).orElseThrow(() -> HotlineProblem.notFound("with id " + id));
		return this.jdbc.sql(
				"select viewed_by, role, at, via from hotline_caller_view where order_id = ? order by at desc, id desc")
			.param(id)
			.query()
			.listOfRows();
	}

}
