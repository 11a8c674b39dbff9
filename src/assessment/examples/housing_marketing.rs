//! A real LIA, kept exactly as it was completed on the ICO template: a housing
//! association's e-mail marketing to tenants. Each answer is the text it gave, put
//! under the question it answered; questions the template did not ask, and the
//! "Yes / No" answers left undecided, are left unanswered. The only change is the
//! form of its dates ("10.12.24" is stored as 2024-12-10).

use crate::assessment::choices::*;
use crate::assessment::model::{Assessment, YesNo::*};
use crate::assessment::questions::QuestionId as Q;

const PURPOSE: &str = "Ark HA wishes to us the CX platform to contact tenants and : \n\n\u{b7} raise brand awareness and information about what we do;\n\u{b7} promote our services";

const PECR_AND_OTHER_RULES: &str = "Regulation 22(3) of the Privacy and Electronic Communications Regulations, states that a person may send or instigate the sending of electronic mail for the purposes of direct marketing where:\n\n(a) That person has obtained the contact details of the recipient of that electronic communication in the course of the delivery of the service to the recipient;\n(b) The direct marketing is in respect of that person\u{2019}s similar services only; and\n(c) The recipient has been given a simple means of refusing (free of charge except for the cost of the transmission of the refusal) the use of their contact details for the purposes of such direct marketing, at the time that the details were initially collected, and, where they did not initially refuse the use of the details, at the time of each subsequent communication.\n\nAll of these requirements will be met for all communications carried out in relation to marketing using the soft opt-in method.\n\nAll other data protection legislation, including the UK General Data Protection Regulation and the Data Protection Act 2018 will also be complied with.";

const NECESSITY: &str = "It is necessary to carry out this marketing so that we can increase awareness of our services and continue to promote our services to customers who have already have a contract with us.  This will increase interest in our services.";

const RELATIONSHIP: &str =
    "Individuals will have some relationship with us, as they are existing tenants. ";

const COMMUNICATION: &str = "The communication will include a link to our Privacy Notice and the recipients will be offered the option not to receive any further communications.  Each subsequent marketing message will also provide the option to opt-out of any future marketing communications.";

const SAFEGUARDS: &str = "No additional safeguards are needed as, if data subjects do not wish to receive the marketing materials, they will not receive any further direct marketing from us.";

const JUSTIFICATION: &str = "The processing meets the legal requirements of PECR and other data protection legislation.\n\nDPIA has been completed 10.12.24";

pub fn build(id: &str) -> Assessment {
    let mut a = Assessment::new(id);
    // What the LIA says about the processing, though its template had no section for it.
    a.set_text(
        Q::AboutTitle,
        "Tenant marketing by e-mail through the CX platform",
    )
    .set_text(Q::AboutOrganisation, "Ark HA")
    .set_choices(Q::AboutPeople, &[people::TENANTS])
    .set_choices(Q::AboutData, &[data::CONTACT])
    .set_choices(Q::AboutSources, &[sources::DIRECT])
    // Marketing by electronic mail to tenants, relying on the soft opt-in.
    .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
    .set_choices(Q::TriageChannels, &[channels::EMAIL])
    .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
    .set_choice(Q::PecrEmailBasis, pecr_basis::SOFT_OPT_IN)
    // Part 1: one answer for all the questions.
    .set_text(Q::PurposeWhy, PURPOSE)
    .set_text(Q::PurposeDataProtectionRules, PECR_AND_OTHER_RULES)
    .set_yes_no(Q::PurposeEthics, No)
    // Part 2.
    .set_yes_no(Q::NecessityHelps, Yes)
    .set_text(Q::NecessityHelpsHow, NECESSITY)
    // Part 3: nature of the data.
    .set_yes_no(Q::NatureSpecial, No)
    .set_yes_no(Q::NatureCriminal, No)
    .set_yes_no(Q::NatureChildren, No)
    // Reasonable expectations.
    .set_yes_no(Q::ExpRelationship, Yes)
    .set_text(Q::ExpRelationshipNature, RELATIONSHIP)
    .set_yes_no(Q::ExpObvious, Yes)
    .set_yes_no(Q::ExpInnovative, No)
    .set_text(Q::ExpOtherFactors, COMMUNICATION)
    // Likely impact: "Can you offer individuals an opt-out? Yes / No" was left undecided.
    .set_yes_no(Q::ImpactExplain, Yes)
    .set_choice(Q::ImpactSafeguards, safeguards::NONE_NEEDED)
    .set_text(Q::ImpactSafeguardsDetail, SAFEGUARDS)
    // "DPIA has been completed 10.12.24", from the justification.
    .set_yes_no(Q::DpiaDone, Yes)
    .set_text(Q::DpiaDate, "2024-12-10")
    // The decision: "Can you rely on legitimate interests? Yes / No" was left undecided.
    .set_text(Q::DecisionJustification, JUSTIFICATION)
    .set_text(Q::SignOffCompletedName, "T Knight")
    .set_text(Q::SignOffCompletedRole, "DPO")
    .set_text(Q::SignOffCompletedDate, "2024-12-10")
    .set_text(Q::SignOffApprovedName, "M Loughin")
    .set_text(Q::SignOffApprovedRole, "Ark HA")
    .set_text(Q::SignOffApprovedDate, "2024-12-10");
    a
}
