// The housing association's LIA (src/assessment/examples/housing_marketing.rs), as the
// words and choices a person types and picks, and the findings the example gives.

export const TEXT = {
  title: 'Tenant marketing by e-mail through the CX platform',
  organisation: 'Ark HA',
  purpose:
    'Ark HA wishes to us the CX platform to contact tenants and : \n\n\u00b7 raise brand awareness and information about what we do;\n\u00b7 promote our services',
  pecrAndOtherRules:
    'Regulation 22(3) of the Privacy and Electronic Communications Regulations, states that a person may send or instigate the sending of electronic mail for the purposes of direct marketing where:\n\n(a) That person has obtained the contact details of the recipient of that electronic communication in the course of the delivery of the service to the recipient;\n(b) The direct marketing is in respect of that person\u2019s similar services only; and\n(c) The recipient has been given a simple means of refusing (free of charge except for the cost of the transmission of the refusal) the use of their contact details for the purposes of such direct marketing, at the time that the details were initially collected, and, where they did not initially refuse the use of the details, at the time of each subsequent communication.\n\nAll of these requirements will be met for all communications carried out in relation to marketing using the soft opt-in method.\n\nAll other data protection legislation, including the UK General Data Protection Regulation and the Data Protection Act 2018 will also be complied with.',
  necessity:
    'It is necessary to carry out this marketing so that we can increase awareness of our services and continue to promote our services to customers who have already have a contract with us.  This will increase interest in our services.',
  relationship: 'Individuals will have some relationship with us, as they are existing tenants. ',
  communication:
    'The communication will include a link to our Privacy Notice and the recipients will be offered the option not to receive any further communications.  Each subsequent marketing message will also provide the option to opt-out of any future marketing communications.',
  safeguards:
    'No additional safeguards are needed as, if data subjects do not wish to receive the marketing materials, they will not receive any further direct marketing from us.',
  justification:
    'The processing meets the legal requirements of PECR and other data protection legislation.\n\nDPIA has been completed 10.12.24',
};

/** Exactly the findings of the built-in example (tests/examples.rs checks the same list). */
export const EXAMPLE_FINDINGS = [
  'decision.factors-against-missing',
  'decision.justification-thin',
  'decision.undecided',
  'dpia.details-missing',
  'dpia.suggestion-unconfirmed',
  'expectations.obvious-unsupported',
  'expectations.suggestion-unconfirmed',
  'impact.no-safeguards-unassessed',
  'impact.none-recorded',
  'impact.opt-out-undecided',
  'nature.vulnerable-circumstances',
  'necessity.proportionality-missing',
  'pecr.sender-identity',
  'pecr.soft-opt-in.evidence',
  'pecr.soft-opt-in.not-a-sale',
  'pecr.soft-opt-in.not-products',
  'pecr.soft-opt-in.unconfirmed',
  'purpose.benefit-missing',
  'purpose.fuller-lia-needed',
  'record.approver-role-not-a-role',
  'record.checklist-incomplete',
  'record.processors-transfers-unanswered',
  'record.retention-missing',
  'record.review-date-missing',
  'rights.objections-missing',
];
