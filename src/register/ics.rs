//! Review reminders as iCalendar (RFC 5545): one all-day event per assessment on its
//! review date, with a reminder 14 days before. The `UID` is made from the id of the
//! assessment's first version only (`Assessment::lineage`), the same for every version
//! and copy, so importing a later file updates the event rather than adding a second;
//! the `SEQUENCE` grows with each version and each round of its hand-over, which is when
//! the date can change, so a calendar takes the later file's date. Text is escaped
//! (backslash, semicolon, comma, new line), lines end in CRLF and are folded at 75
//! octets, never inside a UTF-8 character.

use sha2::{Digest, Sha256};

use crate::assessment::{Answer, Assessment, Date, QuestionId};

/// How many days before the review date the reminder goes off.
pub const REMINDER_DAYS: u32 = 14;

/// The longest line, in octets, before folding.
const LINE_OCTETS: usize = 75;

/// What to check at review, in the event's description.
const WHAT_TO_CHECK: &str = "At the review, check:\n\
- the purpose, nature and context of the processing are unchanged;\n\
- whether there are new risks to people, and whether the safeguards still work;\n\
- that your privacy information still names the legitimate interests you rely on.\n\
If anything has changed, start a review of the assessment in the tool and approve the new version.";

/// One review date to put in a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub id: String,
    /// The id of the assessment's first version: what the event is known by.
    pub lineage: String,
    pub version: u32,
    /// Grows with the version and the rounds of its hand-over (see the module).
    pub sequence: u32,
    pub title: String,
    pub organisation: String,
    pub date: Date,
}

impl Reminder {
    /// The reminder of an assessment's review date, if it has a valid one.
    pub fn of(a: &Assessment) -> Option<Reminder> {
        let date = match a.answers.get(QuestionId::SignOffReviewDate) {
            Some(Answer::Text(t)) => Date::parse(t)?,
            _ => return None,
        };
        let organisation = match a.answers.get(QuestionId::AboutOrganisation) {
            Some(Answer::Text(t)) => t.trim().to_string(),
            _ => String::new(),
        };
        let rounds = u32::try_from(a.handover.len()).unwrap_or(u32::MAX).min(999);
        Some(Reminder {
            id: a.id.clone(),
            lineage: a.lineage().to_string(),
            version: a.version,
            sequence: a
                .version
                .saturating_sub(1)
                .saturating_mul(1000)
                .saturating_add(rounds),
            title: a.title().to_string(),
            organisation,
            date,
        })
    }

    /// The same for every version and copy of one assessment, whatever else changes.
    pub fn uid(&self) -> String {
        let digest = Sha256::digest(self.lineage.as_bytes());
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut hex = String::with_capacity(32);
        for b in &digest[..16] {
            hex.push(char::from(HEX[usize::from(b >> 4)]));
            hex.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
        format!("lia-review-{hex}@lia-assessment")
    }
}

/// A calendar with one event per reminder. `stamp` is when the file is made, as an ISO
/// 8601 UTC time ("2026-11-22T10:15:00Z"), written as each event's `DTSTAMP`.
pub fn calendar(reminders: &[Reminder], stamp: &str) -> String {
    let mut out = String::new();
    let stamp = basic_time(stamp);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//lia//Legitimate interests assessment//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        content_line(&mut out, line);
    }
    for r in reminders {
        let summary = format!("Review LIA: {}", r.title);
        let mut description = format!("Review the legitimate interests assessment “{}”", r.title);
        if !r.organisation.is_empty() {
            description.push_str(&format!(" of {}", r.organisation));
        }
        description.push_str(&format!(" (version {}).\n{WHAT_TO_CHECK}", r.version));
        content_line(&mut out, "BEGIN:VEVENT");
        content_line(&mut out, &format!("UID:{}", r.uid()));
        content_line(&mut out, &format!("SEQUENCE:{}", r.sequence));
        content_line(&mut out, &format!("DTSTAMP:{stamp}"));
        content_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", basic_date(r.date)),
        );
        content_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", basic_date(r.date.next_day())),
        );
        content_line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        content_line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        content_line(&mut out, "TRANSP:TRANSPARENT");
        content_line(&mut out, "BEGIN:VALARM");
        content_line(&mut out, "ACTION:DISPLAY");
        content_line(&mut out, &format!("TRIGGER:-P{REMINDER_DAYS}D"));
        content_line(&mut out, &format!("DESCRIPTION:{}", text(&summary)));
        content_line(&mut out, "END:VALARM");
        content_line(&mut out, "END:VEVENT");
    }
    content_line(&mut out, "END:VCALENDAR");
    out
}

/// `20270416`.
fn basic_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// "2026-11-22T10:15:00.123Z" as `20261122T101500Z`.
fn basic_time(iso: &str) -> String {
    let digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        "19700101T000000Z".into()
    }
}

/// A TEXT value escaped (RFC 5545 3.3.11): `\`, `;`, `,` escaped, every line break
/// (CRLF, CR or LF) as `\n`; other control characters, which TEXT may not hold, left
/// out.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded: at most 75 octets per line, continuation lines
/// starting with one space, never splitting a character; CRLF after each.
fn content_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // A line never ends in white space, which some readers drop when unfolding:
        // the space goes to the start of the next line instead.
        let mut keep = cut;
        while keep > 1 && rest[..keep].ends_with([' ', '\t']) {
            keep -= 1;
        }
        if keep > 1 {
            cut = keep;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the next line's 75.
        room = LINE_OCTETS - 1;
    }
}
