package org.bawaba.contracts;

import java.util.List;

// --- tellonce ---
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.contracts.eservices.ChangeCompletedV1;
import org.bawaba.contracts.eservices.ChangeReportedV1;
// --- end tellonce ---
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.contracts.auth.AgencyClientCreatedV1;
import org.bawaba.contracts.auth.AgencyOffboardedV1;
import org.bawaba.contracts.auth.AgencyOnboardedV1;
import org.bawaba.contracts.auth.AgencySecretRotatedV1;
import org.bawaba.contracts.auth.AgencyStaffAssignedV1;
import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.ApplicationInfoRequestedV1;
import org.bawaba.contracts.eservices.ApplicationPaymentConfirmedV1;
import org.bawaba.contracts.eservices.ApplicationRatedV1;
import org.bawaba.contracts.eservices.ApplicationStatusChangedV1;
// --- newborn ---
import org.bawaba.contracts.eservices.ApplicationStepFailedV1;
import org.bawaba.contracts.eservices.ApplicationStepOverdueV1;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.contracts.steps.StepRequestedV1;
// --- end newborn ---
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
// --- renew ---
import org.bawaba.contracts.eservices.CredentialExpiringV1;
import org.bawaba.contracts.eservices.CredentialRenewalApprovedV1;
// --- end renew ---
import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1;
import org.bawaba.contracts.procurement.AwardPublishedV1;
import org.bawaba.contracts.procurement.BidsOpenedV1;
import org.bawaba.contracts.procurement.ClarificationAnsweredV1;
import org.bawaba.contracts.procurement.ContractSignedV1;
import org.bawaba.contracts.procurement.EvaluationCompletedV1;
import org.bawaba.contracts.procurement.SupplierUpdatedV1;
import org.bawaba.contracts.procurement.TenderAmendedV1;
import org.bawaba.contracts.procurement.TenderCancelledV1;
import org.bawaba.contracts.procurement.TenderPublishedV1;
import org.bawaba.contracts.participation.ComplaintFiledV1;
import org.bawaba.contracts.participation.ComplaintRepliedV1;
import org.bawaba.contracts.participation.ComplaintStatusChangedV1;
import org.bawaba.contracts.participation.PollClosedV1;
import org.bawaba.contracts.participation.PollOpenedV1;
import org.bawaba.contracts.participation.SatisfactionPublishedV1;

/** The list of every event contract; tests keep it, the schemas and the AsyncAPI document in step. */
public final class Contracts {

	/** Every event record. */
	public static final List<Class<? extends DomainEvent>> EVENTS = List.of(ApplicationSubmittedV1.class,
			ApplicationStatusChangedV1.class, ApplicationInfoRequestedV1.class, ApplicationPaymentConfirmedV1.class,
			ApplicationCompletedV1.class, ApplicationRatedV1.class, ServiceStatisticsPublishedV1.class,
			UsageRecordedV1.class,
			// auth
			AgencyOnboardedV1.class, AgencyClientCreatedV1.class, AgencySecretRotatedV1.class,
			AgencyStaffAssignedV1.class, AgencyOffboardedV1.class,
			// --- procurement ---
			TenderPublishedV1.class, TenderAmendedV1.class, TenderCancelledV1.class, ClarificationAnsweredV1.class,
			BidsOpenedV1.class, EvaluationCompletedV1.class, AwardPublishedV1.class, ContractSignedV1.class,
			SupplierUpdatedV1.class,
			// --- end procurement ---
			// agencies' own services
			CredentialIssuedV1.class,
			// --- participation ---
			PollOpenedV1.class, PollClosedV1.class, ComplaintFiledV1.class, ComplaintStatusChangedV1.class,
			ComplaintRepliedV1.class, SatisfactionPublishedV1.class,
			// --- renew ---
			CredentialExpiringV1.class, CredentialRenewalApprovedV1.class,
			// --- end renew ---
			// --- tellonce ---
			ChangeReportedV1.class, ChangeCompletedV1.class, ChangeConfirmedV1.class,
			// --- end tellonce ---
			// --- newborn ---
			StepRequestedV1.class, StepCompletedV1.class, StepFailedV1.class, ApplicationStepFailedV1.class,
			ApplicationStepOverdueV1.class
			// --- end newborn ---
	);

	private Contracts() {
	}

	/** The {@link EventType} of an event class. */
	public static EventType typeOf(Class<?> eventClass) {
		EventType type = eventClass.getAnnotation(EventType.class);
		if (type == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
		}
		return type;
	}

	/**
	 * The topic {@code event} travels on: its {@link EventType#topic()}, for an {@link AgencyEvent} on a
	 * per-agency topic the one of its agency.
	 * @throws IllegalArgumentException when a per-agency event names no valid agency
	 */
	public static String topicOf(DomainEvent event) {
		String topic = typeOf(event.getClass()).topic();
		if (!Topics.perAgency(topic)) {
			return topic;
		}
		if (!(event instanceof AgencyEvent agencyEvent)) {
			throw new IllegalArgumentException(event.getClass().getName() + " travels on a per-agency topic but "
					+ "is not an AgencyEvent");
		}
		return Topics.ofAgency(topic, agencyEvent.agency());
	}

	/** Classpath location of the JSON Schema of an event type. */
	public static String schemaLocation(String type) {
		return "schemas/" + type + ".json";
	}

}
