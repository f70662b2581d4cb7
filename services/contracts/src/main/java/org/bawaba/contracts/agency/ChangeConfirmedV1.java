package org.bawaba.contracts.agency;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.AgencyEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * An agency's answer to a tell-us-once change ({@code org.bawaba.eservices.change.reported.v1}): it updated
 * its own records, or could not. Key: changeId.
 *
 * @param changeId the change, as eservices identifies it
 * @param agency the answering agency's code
 * @param outcome updated or failed
 * @param reason why it failed, in both languages (null when updated)
 * @param confirmedAt when the agency answered
 */
@EventType(value = ChangeConfirmedV1.TYPE, topic = Topics.AGENCY_CHANGES)
public record ChangeConfirmedV1(UUID changeId, String agency, ChangeOutcome outcome, @OptionalField Reason reason,
		Instant confirmedAt) implements AgencyEvent {

	public static final String TYPE = "org.bawaba.agency.change.confirmed.v1";

	@Override
	public String entityId() {
		return changeId.toString();
	}

}
