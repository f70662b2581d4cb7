package org.bawaba.opendata.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bawaba.platform.events.inbox.InboxListener;

import org.springframework.stereotype.Component;

/** Procurement awards and contracts (public records about businesses) as live datasets. */
@Component
class ProcurementEvents {

	private final LiveDatasets live;

	ProcurementEvents(LiveDatasets live) {
		this.live = live;
	}

	@InboxListener(topic = EventTopics.PROCUREMENT_TENDERS)
	void on(CloudEvent event) {
		if (EventTopics.AWARD_PUBLISHED.equals(event.getType())) {
			award(EventData.of(event));
		}
		else if (EventTopics.CONTRACT_SIGNED.equals(event.getType())) {
			contract(EventData.of(event));
		}
	}

	private void award(EventData data) {
		Instant awardedAt = data.instant("awardedAt");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("award_id", data.text("awardId"));
		row.put("tender_id", data.text("tenderId"));
		row.put("ocid", data.optionalText("ocid"));
		row.put("agency", data.text("agency"));
		row.put("category", data.optionalText("category"));
		row.put("supplier_id", data.text("supplierId"));
		row.put("supplier_name", data.optionalText("supplierName"));
		row.put("amount", data.amount("value"));
		row.put("currency", data.currency("value"));
		row.put("awarded_at", Timestamp.from(awardedAt));
		row.put("month", EventData.month(awardedAt));
		live.upsert(LiveTableDefinitions.AWARDS, LiveDatasets.Mode.REPLACE, row);
	}

	private void contract(EventData data) {
		Instant signedAt = data.instant("signedAt");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("contract_id", data.text("contractId"));
		row.put("award_id", data.optionalText("awardId"));
		row.put("tender_id", data.text("tenderId"));
		row.put("ocid", data.optionalText("ocid"));
		row.put("agency", data.text("agency"));
		row.put("supplier_id", data.text("supplierId"));
		row.put("amount", data.amount("value"));
		row.put("currency", data.currency("value"));
		row.put("signed_at", Timestamp.from(signedAt));
		row.put("month", EventData.month(signedAt));
		live.upsert(LiveTableDefinitions.CONTRACTS, LiveDatasets.Mode.REPLACE, row);
	}

}
