//! What each rule cites. Every rule points at one of these, so a reader can check it.

use serde::Serialize;

/// A citation: the document and section, where to read it, and which version of it the
/// rule follows (the date a page shows, or when the law came into force).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub citation: &'static str,
    pub url: &'static str,
    /// The version followed: the page's date where it shows one, or when the provision
    /// came into force.
    pub version: &'static str,
}

const ICO_LIA: &str = "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/legitimate-interests/how-do-we-apply-legitimate-interests-in-practice/";
const UK_GDPR_6: &str = "https://www.legislation.gov.uk/eur/2016/679/article/6";
const PECR_22: &str = "https://www.legislation.gov.uk/uksi/2003/2426/regulation/22";
const ICO_REUSE: &str = "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/compatibility-and-the-reuse-of-personal-information/";

/// The ICO's "How do we apply legitimate interests in practice?" shows no date of its own.
const V_ICO_LIA: &str =
    "Page undated; its text as in tests/fixtures/ico-lia-in-practice.txt (ICO legitimate interests guidance, last updated 23 March 2026)";
const V_ICO_UNDATED: &str = "Page shows no date; checked in 2026";
const V_UK_GDPR: &str =
    "UK GDPR as amended by the Data (Use and Access) Act 2025, in force 5 February 2026";
const V_DUAA: &str = "In force 5 February 2026 (SI 2026/82, reg. 2)";
const V_DPA: &str = "Data Protection Act 2018 as amended, checked in 2026";
const V_PECR: &str =
    "PECR as amended by the Data (Use and Access) Act 2025, in force 5 February 2026";
const V_ICO_2026: &str = "ICO guidance published 23 March 2026";
const V_ICO_LI_2026: &str = "ICO legitimate interests guidance, updated 23 March 2026";

pub const ICO_PROCESS: Source = Source {
    citation:
        "ICO, How do we apply legitimate interests in practice?: What’s the process for an LIA?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_PURPOSE: Source = Source {
    citation:
        "ICO, How do we apply legitimate interests in practice?: 1. How do we do the purpose test?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_NECESSITY: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 2. How do we do the necessity test?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_NATURE: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 3. Balancing test, Nature of the data",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_EXPECTATIONS: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 3. Balancing test, Reasonable expectations",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_EXPECTATIONS_EDPB: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: Reasonable expectations; EDPB Guidelines 1/2024 on Article 6(1)(f), on reasonable expectations",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_IMPACT: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 3. Balancing test, Impact and safeguards",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_OUTCOME: Source = Source {
    citation:
        "ICO, How do we apply legitimate interests in practice?: How do we decide the outcome?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_NEXT: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: What happens next?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_DPIA_LINK: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: How does this tie in to DPIAs?; UK GDPR Article 35(1)",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ICO_DPIA_LIST: Source = Source {
    citation: "UK GDPR Article 35(1), (3) and (4); ICO, Examples of processing likely to result in high risk",
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/when-do-we-need-to-do-a-dpia/",
    version: V_ICO_UNDATED,
};
pub const ICO_CHECKLIST: Source = Source {
    citation: "ICO, Legitimate interests: checklist",
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/legitimate-interests/",
    version: V_ICO_UNDATED,
};
pub const PRIVACY_INFORMATION: Source = Source {
    citation: "UK GDPR Articles 13(1)(d) and 14(2)(b); ICO, Legitimate interests: What else do we need to consider?",
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/legitimate-interests/what-else-do-we-need-to-consider/",
    version: V_ICO_LI_2026,
};
pub const PUBLIC_AUTHORITIES: Source = Source {
    citation: "UK GDPR Article 6(1), words after point (f), as amended by the Data (Use and Access) Act 2025 s.70(2)(c)",
    url: UK_GDPR_6,
    version: V_DUAA,
};
pub const RECOGNISED: Source = Source {
    citation: "UK GDPR Article 6(1)(ea), 6(5) and Annex 1, inserted by the Data (Use and Access) Act 2025 s.70 and Sch. 4 (in force 5 February 2026)",
    url: "https://www.legislation.gov.uk/ukpga/2025/18/section/70",
    version: V_DUAA,
};
pub const DUAA_EXAMPLES: Source = Source {
    citation: "UK GDPR Article 6 as amended by the Data (Use and Access) Act 2025 s.70: direct marketing, intra-group transmission and network security are examples of legitimate interests, not recognised legitimate interests",
    url: "https://www.legislation.gov.uk/ukpga/2025/18/section/70",
    version: V_DUAA,
};
pub const LAWFUL_INTEREST: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 1. How do we do the purpose test? (Are you complying with other relevant laws?); UK GDPR Article 5(1)(a)",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ART9: Source = Source {
    citation: "UK GDPR Article 9(1) and (2)",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/9",
    version: V_UK_GDPR,
};
pub const SCHEDULE1: Source = Source {
    citation: "Data Protection Act 2018 section 10 and Schedule 1",
    url: "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1",
    version: V_DPA,
};
pub const ART10: Source = Source {
    citation: "UK GDPR Article 10; Data Protection Act 2018 section 10(5) and Schedule 1",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/10",
    version: V_UK_GDPR,
};
pub const ART14: Source = Source {
    citation: "UK GDPR Article 14; ICO, How do we apply legitimate interests in practice?: Reasonable expectations",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/14",
    version: V_UK_GDPR,
};
pub const ART21: Source = Source {
    citation: "UK GDPR Article 21(2) and (3): the right to object to direct marketing is absolute",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/21",
    version: V_UK_GDPR,
};
pub const PECR_CONSENT: Source = Source {
    citation: "PECR regulation 22(2)",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_SOFT_A: Source = Source {
    citation: "PECR regulation 22(3)(a)",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_SOFT_B: Source = Source {
    citation: "PECR regulation 22(3)(b)",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_SOFT_C: Source = Source {
    citation: "PECR regulation 22(3)(c)",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_SOFT: Source = Source {
    citation: "PECR regulation 22(3); ICO accountability principle (UK GDPR Article 5(2))",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_CHARITY: Source = Source {
    citation: "PECR regulation 22(3A), inserted by the Data (Use and Access) Act 2025 s.114 (in force 5 February 2026)",
    url: PECR_22,
    version: V_PECR,
};
pub const PECR_SENDER: Source = Source {
    citation: "PECR regulation 23",
    url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/23",
    version: V_PECR,
};
pub const PECR_CALLS: Source = Source {
    citation: "PECR regulation 21(1) to (4)",
    url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/21",
    version: V_PECR,
};
pub const PECR_AUTOMATED: Source = Source {
    citation: "PECR regulation 19",
    url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/19",
    version: V_PECR,
};
pub const PECR_LAWFUL_BASIS: Source = Source {
    citation: "ICO, Sending direct marketing: choosing your lawful basis",
    url: "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/sending-direct-marketing-choosing-your-lawful-basis/",
    version: V_ICO_UNDATED,
};
pub const STRICTLY_NECESSARY: Source = Source {
    citation: "ICO, How do we apply legitimate interests in practice?: 1. How do we do the purpose test? (\"depending on the circumstances, your LIA could be quite brief\"); UK GDPR recitals 47, 49 and 50",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const ART9_ANY_ROUTE: Source = Source {
    citation: "UK GDPR Articles 9 and 10, whatever the lawful basis; ICO, Recognised legitimate interest: When can we use recognised legitimate interest? (special category and criminal offence data)",
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/recognised-legitimate-interest-detailed/when-can-we-use-recognised-legitimate-interest/",
    version: V_ICO_2026,
};
pub const SUGGESTIONS: Source = Source {
    citation: "UK GDPR Article 5(2) (accountability): the record must show the answers were given, not assumed; ICO, How do we apply legitimate interests in practice?: What’s the process for an LIA?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const REUSE: Source = Source {
    citation: "UK GDPR Article 5(1)(b) and Article 8A (which replaced Article 6(4)), and Annex 2, inserted by the Data (Use and Access) Act 2025 s.71 and Sch. 5",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/8A",
    version: V_DUAA,
};
pub const REUSE_CONSENT: Source = Source {
    citation: "UK GDPR Article 8A(4); ICO, Compatibility and the reuse of personal information: data collected on the basis of consent",
    url: ICO_REUSE,
    version: V_ICO_2026,
};
pub const ADM_SAFEGUARDS: Source = Source {
    citation: "UK GDPR Articles 22A and 22C, inserted by the Data (Use and Access) Act 2025 s.80",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/22C",
    version: V_DUAA,
};
pub const ADM_SPECIAL: Source = Source {
    citation: "UK GDPR Article 22B(1) to (3), inserted by the Data (Use and Access) Act 2025 s.80",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/22B",
    version: V_DUAA,
};
pub const ADM_RECOGNISED: Source = Source {
    citation: "UK GDPR Article 22B(4), inserted by the Data (Use and Access) Act 2025 s.80: no significant decision by automated means alone in reliance on Article 6(1)(ea)",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/22B",
    version: V_DUAA,
};
pub const ART21_OBJECT: Source = Source {
    citation: "UK GDPR Article 21(1) to (4): the right to object, and the absolute right to object to direct marketing",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/21",
    version: V_UK_GDPR,
};
pub const RLI_PRIVACY_INFORMATION: Source = Source {
    citation: "ICO, Recognised legitimate interest: What else do we need to consider? (What do we need to tell people?); UK GDPR Articles 13 and 14",
    url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/recognised-legitimate-interest-detailed/what-else-do-we-need-to-consider/",
    version: V_ICO_2026,
};
pub const ACCOUNTABILITY: Source = Source {
    citation: "UK GDPR Articles 5(2) and 24 (accountability); ICO, How do we apply legitimate interests in practice?: What’s the process for an LIA?",
    url: ICO_LIA,
    version: V_ICO_LIA,
};
pub const RETENTION: Source = Source {
    citation: "UK GDPR Article 5(1)(e) (storage limitation) and Article 13(2)(a) (telling people how long data is kept)",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/5",
    version: V_UK_GDPR,
};
pub const PROCESSORS: Source = Source {
    citation: "UK GDPR Article 28(1) and (3): processing by a processor must be governed by a binding contract with the terms listed",
    url: "https://www.legislation.gov.uk/eur/2016/679/article/28",
    version: V_UK_GDPR,
};
pub const TRANSFERS: Source = Source {
    citation: "UK GDPR Chapter V: a transfer outside the UK must be approved by regulations, subject to appropriate safeguards (Article 46) or under an exception (Article 49)",
    url: "https://www.legislation.gov.uk/eur/2016/679/chapter/V",
    version: "UK GDPR Chapter V, checked in 2026 (the Data (Use and Access) Act 2025 Sch. 7 recasts it without removing this requirement)",
};
pub const PECR_TRACKING: Source = Source {
    citation: "PECR regulation 6 and Schedule A1, as amended by the Data (Use and Access) Act 2025; ICO, Guidance on the use of storage and access technologies (tracking pixels, link decoration)",
    url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/6",
    version: "PECR as amended by the Data (Use and Access) Act 2025, in force 5 February 2026; ICO guidance of 29 April 2026",
};
