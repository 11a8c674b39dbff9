//! docs/schema.md: the export format in words, every field and every answer key of the
//! question bank, generated here so it cannot drift from the code (a test compares).

use std::fmt::Write;

use crate::assessment::organisation_answers::OrgKind;
use crate::assessment::outcome::{DpiaOutcome, SectionStatus};
use crate::assessment::questions::{Cond, OnRoute, Question};
use crate::assessment::schema::SCHEMA_VERSION;
use crate::assessment::{AnswerKind, HarmSeverity, Likelihood, Section, Severity, YesNo};

use super::json_schema::{keys, READINGS, STATUSES, TIMESTAMP_PATTERN, WEIGHTS};
use super::{FORMAT, MAX_IMPORT_BYTES, SCRIPT_ID};
use crate::assessment::canonical::ALGORITHM;
use crate::assessment::Verdict;

/// The whole of docs/schema.md.
pub fn schema_markdown() -> String {
    let mut out = String::new();
    intro(&mut out);
    envelope(&mut out);
    digest(&mut out);
    assessment(&mut out);
    answers(&mut out);
    outcome(&mut out);
    import(&mut out);
    out
}

fn intro(out: &mut String) {
    let _ = write!(
        out,
        "# Export format\n\n\
         Generated from `src/export/` by `cargo test --test docs`; do not edit by hand.\n\
         Run `UPDATE_DOCS=1 cargo test --test docs` after changing the model, the question \
         bank or the export.\n\n\
         The tool exports an assessment in two forms, and can import both:\n\n\
         - **JSON** (`lia-<title>-<yyyy-mm-dd>.json`): the format described here, format version \
         {SCHEMA_VERSION}. Every export validates against the JSON Schema \
         [`lia-assessment.schema.json`](lia-assessment.schema.json) (draft 2020-12), generated \
         from the same code.\n\
         - **HTML report** (`lia-<title>-<yyyy-mm-dd>.html`): one self-contained page for reading, \
         printing (A4) and filing, laid out like the ICO's LIA template. It has no script, loads \
         nothing and carries the complete JSON export in \
         `<script type=\"application/json\" id=\"{SCRIPT_ID}\">`, with `<`, `>`, `&`, U+2028 and \
         U+2029 written as the JSON escapes `\\u003c`, `\\u003e`, `\\u0026`, `\\u2028` and \
         `\\u2029` (so nothing typed can end the element), so the report itself can be imported \
         again. `=` is written `\\u003d` there (and `&#61;` in the page), so nothing typed can \
         spell `id=\"{SCRIPT_ID}\"` anywhere else in the report.\n\n\
         The title slug in file names is the title in lower-case ASCII letters and digits (Latin \
         letters with their accents left off: `Café` is `cafe`, `ß` is `ss`), every run of other \
         characters made one `-`, at most {} characters, or `untitled`.\n\n",
        super::MAX_SLUG
    );
}

fn envelope(out: &mut String) {
    out.push_str("## The file\n\nA JSON object with exactly these fields, in this order:\n\n");
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`format`",
            &format!("text: `\"{FORMAT}\"`"),
            "Identifies the file as an assessment export.",
        ],
    );
    row(
        out,
        &[
            "`schema_version`",
            &format!("whole number: `{SCHEMA_VERSION}`"),
            "The version of this format. It changes whenever the form of `assessment` changes; \
         files of older versions are brought up to date when imported, and files of newer \
         versions are refused.",
        ],
    );
    row(
        out,
        &[
            "`app_version`",
            "text",
            "The version of the tool that made the file.",
        ],
    );
    row(
        out,
        &[
            "`exported_at`",
            "text",
            &format!(
                "When the file was made: an ISO 8601 date and time in UTC, such as \
             `2026-11-22T10:15:00Z` (pattern `{TIMESTAMP_PATTERN}`)."
            ),
        ],
    );
    row(
        out,
        &[
            "`assessment`",
            "object",
            "The assessment, exactly as the tool keeps it: see [The assessment](#the-assessment).",
        ],
    );
    row(
        out,
        &[
            "`outcome`",
            "object",
            "The findings and the outcome as the tool worked them out when the file was made, \
         so the record shows what was flagged when it was signed off: see \
         [The outcome](#the-outcome). For the record only: import ignores it, and the tool \
         works the outcome out again from the answers.",
        ],
    );
    row(
        out,
        &[
            "`digest`",
            "object",
            &format!(
                "`{{\"algorithm\": \"{ALGORITHM}\", \"value\": \"…\"}}`: the SHA-256 of the \
             assessment, 64 lower-case hexadecimal digits. See [The digest](#the-digest)."
            ),
        ],
    );
    out.push('\n');
}

fn digest(out: &mut String) {
    out.push_str(
        "## The digest\n\n\
         `digest.value` is the SHA-256 of the UTF-8 bytes of the *canonical JSON* of the \
         `assessment` value, written as 64 lower-case hexadecimal digits. The canonical JSON \
         of a value is:\n\n\
         - `null`, `true` and `false` as themselves; integers in plain decimal (an assessment \
         holds no fractions);\n\
         - strings in double quotes, with `\"` and `\\` escaped as `\\\"` and `\\\\`, U+0008, \
         U+000C, U+000A, U+000D and U+0009 as `\\b`, `\\f`, `\\n`, `\\r` and `\\t`, the other \
         characters below U+0020 as `\\u00xx` (lower-case hex), and every other character as \
         itself;\n\
         - arrays as `[`, the elements separated by `,`, then `]`;\n\
         - objects as `{`, the members sorted by key (comparing the keys' UTF-16 code units; \
         every key in an assessment is ASCII), each written `\"key\":value` and separated by \
         `,`, then `}`;\n\
         - with no white space anywhere outside strings.\n\n\
         For the values an assessment can hold this is the JSON Canonicalization Scheme of \
         RFC 8785. So re-indenting the file or re-ordering its keys does not change the \
         digest, and any change to the content of the assessment does.\n\n\
         On import the digest is worked out again from the `assessment` exactly as it is in \
         the file (before any migration) and compared with `digest.value`. The tool then \
         says whether the assessment **matches** its digest, **does not match** (it was \
         changed after it was exported, or the digest is not a SHA-256 digest in this \
         form), or has **no digest**. The digest shows that a file was changed; it does not \
         say who made it (anyone can compute a digest), so keep the record itself safe.\n\n",
    );
}

fn assessment(out: &mut String) {
    out.push_str(
        "## The assessment\n\nAn object; fields other than these are refused. Every export \
         writes all of them except `review_of`, `reviewed`, `accepted`, `review_log`, `handover`, \
         `privacy_wording`, `check_again`, `rules_version` and `organisation`, which are left out when empty; on import, the fields with a default may be missing.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(out, &["`id`", "text", "The assessment's unique id."]);
    row(
        out,
        &[
            "`version`",
            "whole number, default `1`",
            "1 for a first assessment; each review makes the next version.",
        ],
    );
    row(
        out,
        &[
            "`status`",
            &format!("{}, default `\"draft\"`", one_of(&keys(&STATUSES))),
            "An approved assessment is the signed-off record and is read-only.",
        ],
    );
    row(
        out,
        &[
            "`review_of`",
            "text, optional",
            "For a review: the id of the approved assessment it reviews.",
        ],
    );
    row(
        out,
        &[
            "`reviewed`",
            "object, optional",
            "For a review: the version it was started from, with that version's digest \
             (see [The version a review reviews](#the-version-a-review-reviews)).",
        ],
    );
    row(
        out,
        &[
            "`answers`",
            "object, default `{}`",
            "The answers, keyed by question: see [Answers](#answers).",
        ],
    );
    row(
        out,
        &[
            "`impacts`",
            "list of impacts, default `[]`",
            "The potential impacts on people, each rated before and after safeguards.",
        ],
    );
    row(
        out,
        &[
            "`accepted`",
            "list of accepted warnings, optional",
            "Warnings the author accepted, each with a written reason: see [An accepted warning](#an-accepted-warning).",
        ],
    );
    row(
        out,
        &[
            "`review_log`",
            "list of review entries, optional",
            "When the assessment was reviewed and what changed, oldest first.",
        ],
    );
    row(
        out,
        &[
            "`handover`",
            "list of hand-over rounds, optional",
            "Each time it was sent for approval, oldest first, with the approver's decision once made: see [The hand-over for approval](#the-hand-over-for-approval).",
        ],
    );
    row(
        out,
        &[
            "`privacy_wording`",
            "object, optional",
            "The wording for the privacy information as the author settled it (`text`), \
             written only if they changed the suggestion, with the suggestion it was made \
             from (`suggested`): where the answers have changed since, the suggestion made \
             from them differs, and the tool and the reports say so. It is part of what an \
             approval approves.",
        ],
    );
    row(
        out,
        &[
            "`check_again`",
            "list of pairs of question keys, optional",
            "Answers to check again: each pair is a question whose answer rests on an answer that changed after it was given, and that question. An answer is confirmed (and its pairs removed) by changing it or confirming it as it stands. While any shown answer is listed the record cannot be sent for approval or approved.",
        ],
    );
    row(
        out,
        &[
            "`rules_version`",
            "whole number, optional",
            "Written when it is approved: the version of the rule catalogue that checked it. A record approved under an earlier version that now gets findings from rules added since says so. Not part of the content an approval is bound to.",
        ],
    );
    row(
        out,
        &[
            "`organisation`",
            "object, optional",
            "For a record made under an organisation's settings (docs/settings.md): which \
             settings, and the answers to their questions, each with the question as asked, \
             so the answers can be shown where the settings are not loaded: see [The \
             organisation's settings and answers](#the-organisations-settings-and-answers). \
             Part of what an approval approves. Format version 2 onwards.",
        ],
    );
    out.push('\n');

    out.push_str("### An impact\n\nAn object; fields other than these are refused.\n\n");
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`id`",
            "whole number",
            "Stable within the assessment, so edits keep pointing at the same impact.",
        ],
    );
    row(
        out,
        &["`description`", "text", "The possible impact on people."],
    );
    let or_null = |keys: Vec<String>| {
        let quoted: Vec<String> = keys.iter().map(|k| format!("`\"{k}\"`")).collect();
        format!("{} or `null`", quoted.join(", "))
    };
    let likelihood = or_null(keys(&Likelihood::ALL));
    let severity = or_null(keys(&HarmSeverity::ALL));
    row(out, &["`likelihood`", &likelihood, "How likely the harm is before safeguards (the ICO DPIA template's scale); `null` when not rated."]);
    row(
        out,
        &[
            "`severity`",
            &severity,
            "How severe the harm would be before safeguards; `null` when not rated.",
        ],
    );
    row(
        out,
        &[
            "`safeguards`",
            "text, default `\"\"`",
            "The safeguards that reduce this impact.",
        ],
    );
    row(
        out,
        &[
            "`residual_likelihood`",
            &likelihood,
            "The likelihood after safeguards; `null` means unchanged.",
        ],
    );
    row(
        out,
        &[
            "`residual_severity`",
            &severity,
            "The severity after safeguards; `null` means unchanged.",
        ],
    );
    out.push_str(
        "\nThe risk is likelihood × severity, each counted 1 to 3: 1–2 is low, 3–4 medium and \
         6–9 high.\n\n### A review entry\n\nAn object; fields other than these are refused.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`date`",
            "text",
            "When the review took place, `yyyy-mm-dd` (kept as typed).",
        ],
    );
    row(out, &["`note`", "text", "What was reviewed or changed."]);
    out.push_str(
        "\n### The version a review reviews\n\nAn object; fields other than these are \
         refused. It is written when a review is started, from the approved version it \
         reviews, and links the records into a chain: opening a review with a copy of that \
         version says whether the copy is exactly the version that was reviewed.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`version`",
            "whole number",
            "The version number of the approved assessment.",
        ],
    );
    row(
        out,
        &[
            "`approved_on`",
            "text, optional",
            "Its approval date as recorded in it, `yyyy-mm-dd` (kept as typed).",
        ],
    );
    row(
        out,
        &[
            "`digest`",
            "text",
            "The SHA-256, in lower-case hex, of the canonical JSON (as for the export's \
             digest) of that version's `assessment` with its `review_log` taken out. The log \
             says what happened to one copy, such as being imported, not what was approved, \
             so every copy of the approved version gives this digest, and any other change \
             to it gives another.",
        ],
    );
    row(
        out,
        &[
            "`lineage`",
            "text, optional",
            "The id of the assessment's first version, the same in every version after it: \
             the register knows the versions of one assessment by it, even when the versions \
             between them are not at hand.",
        ],
    );
    out.push('\n');
    organisation(out);
    handover(out);
}

fn organisation(out: &mut String) {
    out.push_str(
        "### The organisation's settings and answers\n\nAn object; fields other than these \
         are refused, and so is a name, label or id beyond the limits of a settings file.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`name`",
            "text",
            "What the organisation calls the settings (plain text, up to 120 characters).",
        ],
    );
    row(
        out,
        &[
            "`revision`",
            "text",
            "The organisation's label for this edition of them (plain text, up to 120 characters).",
        ],
    );
    row(
        out,
        &[
            "`digest`",
            "text",
            "The SHA-256, in lower-case hex, of the settings file's canonical JSON: the same \
             settings laid out differently have the same digest, any change to their content \
             gives another.",
        ],
    );
    row(
        out,
        &[
            "`answers`",
            "list of answers, default `[]`",
            "The answers given, in the settings' order (their questions, then their DPIA \
             screening questions); at most 200, each question once.",
        ],
    );
    for (field, meaning) in [
        (
            "`dpo_contact`",
            "The settings' contact for their Data Protection Officer, as the privacy \
             information wording gives it.",
        ),
        (
            "`privacy_notice_title`",
            "What the organisation's privacy notice is called, for the wording.",
        ),
        (
            "`privacy_notice_url`",
            "Where the privacy notice is (`https://` or `http://`), for the wording: shown \
             as text, never as a link.",
        ),
    ] {
        row(
            out,
            &[field, "text, optional (up to 200 characters)", meaning],
        );
    }
    out.push_str(
        "\nAn answer is an object of these fields, with the answer in the field its `kind` \
         names and in no other:\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`id`",
            "text",
            "The question's id: lower-case letters and digits with single hyphens between \
             them, up to 40 characters.",
        ],
    );
    row(
        out,
        &[
            "`section`",
            &one_of(&keys(&Section::ALL)),
            "The section it is asked in.",
        ],
    );
    row(
        out,
        &[
            "`kind`",
            &one_of(&keys(&OrgKind::ALL)),
            "The kind of question.",
        ],
    );
    row(
        out,
        &[
            "`label`",
            "text",
            "The question as the settings asked it (plain text, up to 200 characters).",
        ],
    );
    row(out, &["`text`", "text", "The answer to a text question."]);
    row(
        out,
        &[
            "`yes_no`",
            &one_of(&keys(&YesNo::ALL)),
            "The answer to a yes/no question.",
        ],
    );
    row(
        out,
        &[
            "`choice`",
            "object",
            "The option chosen: its `id` and its `label` as the settings worded it (both \
             required, within the same limits as a question's).",
        ],
    );
    out.push('\n');
}

fn handover(out: &mut String) {
    out.push_str(
        "### An accepted warning\n\n\
         A warning (never a blocker) the author accepted, with why. While the answers it is \
         about are as they were, it does not count as an open warning; when any of them \
         changes it counts as open again until it is accepted again. Accepted warnings are \
         part of the content, so the approval covers them. An object; fields other than \
         these are refused.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`rule`",
            "text",
            "The warning's rule id (see [docs/rules.md](rules.md)).",
        ],
    );
    row(
        out,
        &[
            "`detail`",
            "text, optional",
            "The finding's detail, for a rule that can find several things (which impact).",
        ],
    );
    row(out, &["`reason`", "text", "Why the warning is accepted."]);
    row(
        out,
        &[
            "`answers`",
            "text: 64 lower-case hexadecimal digits",
            "The SHA-256 of the canonical JSON of `{\"answers\": {…}, \"impacts\": …}`: the answers to the questions the finding names (or, if it names none, those of its section), and the impacts when one of them is the impacts list (else `null`), as they were when it was accepted.",
        ],
    );
    row(
        out,
        &["`date`", "text", "When it was accepted, `yyyy-mm-dd`."],
    );
    out.push('\n');
    out.push_str(
        "### The hand-over for approval\n\n\
         When the author sends the assessment for approval, a round is added to `handover`: \
         the day, and the digest of the **content** sent. The content is the assessment \
         without what the hand-over itself changes or adds: `id` set to `\"\"`, `status` set to \
         `\"draft\"`, `review_log` and `handover` left out, and the answers \
         `sign-off.approved-name`, `sign-off.approved-role` and `sign-off.approved-date` \
         removed. Its digest is the SHA-256 of that content's canonical JSON, as for the \
         export's digest below. The approver's decision is written into the round, signed \
         with their key (see [Signed decisions](#signed-decisions)), and an approval also \
         sets those three answers (to the decision's name, role and date) and `status` to \
         `\"approved\"`.\n\n\
         Wherever the record is opened, the tool works the content's digest out again: if \
         it no longer matches the round of an approval, it says plainly that the record was \
         changed after approval and that the approval does not cover it. A digest shows \
         that something changed, not who changed it: who approved it is shown by the \
         signature.\n\n\
         A round is an object; fields other than these are refused.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`sent`",
            "text",
            "The day it was sent for approval, `yyyy-mm-dd`.",
        ],
    );
    row(
        out,
        &[
            "`content`",
            "text: 64 lower-case hexadecimal digits",
            "The SHA-256 of the content sent, to which the decision is bound.",
        ],
    );
    row(
        out,
        &[
            "`decision`",
            "a decision, optional",
            "The approver's decision; absent while it waits.",
        ],
    );
    row(
        out,
        &[
            "`replies`",
            "list, optional",
            "The author's replies to the comments of a return: each an object with `section` (a section key; absent for the comment on the whole assessment) and `text`. Sent with the next round, and covered by the signature of every later decision.",
        ],
    );
    row(
        out,
        &[
            "`as_returned`",
            "an assessment, optional",
            "The content as it was returned (kept for the last returned round only), so the approver's next round can show what changed since. It is shown only if its content digest is the round's `content`; no signature covers it (the digest already does).",
        ],
    );
    out.push_str("\nA decision is an object; fields other than these are refused.\n\n");
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`verdict`",
            &one_of(&keys(&Verdict::ALL)),
            "Approved, or returned to the author with comments.",
        ],
    );
    row(
        out,
        &[
            "`name`",
            "text",
            "The approver's name, as on their key card.",
        ],
    );
    row(
        out,
        &[
            "`role`",
            "text",
            "The approver's role, as on their key card.",
        ],
    );
    row(
        out,
        &[
            "`organisation`",
            "text, optional",
            "The approver's organisation, as on their key card.",
        ],
    );
    row(
        out,
        &[
            "`by_author`",
            "`true`, optional",
            "Approved by the person who wrote it, where the organisation's settings allow it; shown everywhere as \"approved by its author\". An approver whose name is that of `sign-off.completed-name` is also shown so.",
        ],
    );
    row(
        out,
        &[
            "`date`",
            "text",
            "The day of the decision, `yyyy-mm-dd`, set by the tool (never typed).",
        ],
    );
    row(
        out,
        &[
            "`note`",
            "text, optional",
            "A comment on the whole assessment.",
        ],
    );
    row(
        out,
        &[
            "`comments`",
            "list, optional",
            "Comments on sections: each an object with `section` (a section key, as in the findings) and `text`.",
        ],
    );
    row(
        out,
        &[
            "`signature`",
            "object, optional",
            "`{\"algorithm\": \"Ed25519\", \"key\": …, \"value\": …}`: the approver's public key (base64 of its 32 bytes) and the signature (base64 of its 64 bytes). Absent in files made before decisions were signed: such a decision is **not signed**.",
        ],
    );
    out.push('\n');
    signed(out);
}

fn signed(out: &mut String) {
    out.push_str(
        "### Signed decisions\n\n\
         An approver signs every decision (approve or return) with a key their browser \
         made for them (WebCrypto Ed25519; the private key cannot be exported and never \
         leaves that browser). The signature is over the UTF-8 bytes of the canonical JSON \
         (as for the export's digest) of this object:\n\n\
         ```json\n\
         {\"approver\": {\"algorithm\": \"Ed25519\", \"key\": …, \"name\": …, \"organisation\": …, \"role\": …},\n \
         \"by_author\": false, \"comments\": [{\"section\": …, \"text\": …}], \"content\": …,\n \
         \"date\": \"yyyy-mm-dd\", \"earlier\": …, \"format\": \"lia-decision\", \"note\": …,\n \
         \"round\": 1, \"sent\": \"yyyy-mm-dd\", \"verdict\": \"approved\", \"version\": 1}\n\
         ```\n\n\
         - `approver`: the decision's `name`, `role` and `organisation` (`\"\"` when absent) \
         and its signature's `algorithm` and `key`;\n\
         - `by_author`, `date`, `note` (`\"\"` when absent), `verdict` and `comments` (`[]` \
         when absent), as in the decision;\n\
         - `content` and `sent`: the round's; `round`: its place in `handover`, 1 for the \
         first;\n\
         - `earlier`: the SHA-256, in lower-case hex, of the canonical JSON of the list of \
         the rounds before it as they are in the file (with their decisions, signatures and \
         replies) with `as_returned` left out of each: `[]` for the first round.\n\n\
         Wherever a record is shown, the tool verifies its approval again and says one of \
         four things; only the first is shown as approved without a qualifier:\n\n\
         - **signed by a trusted approver**: the signature matches, the key is on the list \
         of trusted approvers (the organisation's, passed by the host page, or this \
         browser's), the content's digest is the round's, and the sign-off's approver, role \
         and approval date are the decision's;\n\
         - **signed by a key not on the trusted list**: the same, with a key on neither list;\n\
         - **signature does not match**: the decision, the approver, the date, the \
         comments, the replies before it, the round or the content were changed after \
         signing; or the signature is the one of another round (replayed); or it is dated \
         after today; or its algorithm is not Ed25519, or its key or signature are not \
         well-formed;\n\
         - **not signed**: no signature, or marked approved without the hand-over.\n\n\
         A returned or approved file joins the author's saved record only if its decision \
         is on a round that record sent (the same place, day and content digest, after the \
         same earlier rounds) and its content is the content sent; an approval must also be \
         signed by a trusted approver. Anything else opens as a separate copy with a \
         warning, and the record is left as it was.\n\n\
         ### A key card\n\n\
         The approver's public key with who they are, as a small JSON file \
         (`lia-approver-key-<name>.json`) to send to authors or publish. An object with \
         exactly these fields:\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`format`",
            "text: `\"lia-approver-key\"`",
            "Identifies the file as a key card.",
        ],
    );
    row(
        out,
        &[
            "`version`",
            "whole number: `1`",
            "The version of the key card's form.",
        ],
    );
    row(
        out,
        &[
            "`name`",
            "text",
            "The approver's name (not empty, at most 120 characters, no control characters).",
        ],
    );
    row(out, &["`role`", "text", "Their role."]);
    row(out, &["`organisation`", "text", "Their organisation."]);
    row(
        out,
        &[
            "`algorithm`",
            "text: `\"Ed25519\"`",
            "The signature algorithm.",
        ],
    );
    row(
        out,
        &["`key`", "text", "The public key: base64 of its 32 bytes."],
    );
    row(
        out,
        &[
            "`fingerprint`",
            "text",
            "The first 16 bytes of the SHA-256 of the canonical JSON of `{\"algorithm\", \"key\", \"name\", \"organisation\", \"role\"}`, as eight groups of four upper-case hexadecimal digits (`3F2A 9C01 …`). It covers the name and role as well as the key: check it with the approver before trusting the card. A card whose fingerprint is not this is refused.",
        ],
    );
    out.push('\n');
}

fn answers(out: &mut String) {
    out.push_str(
        "## Answers\n\n\
         `answers` is an object whose keys are the question keys below; a question that has \
         not been answered is absent. Other keys are refused, and each value must have the \
         form of its question's kind:\n\n",
    );
    table_head(out, &["Kind", "Value"]);
    row(out, &["short text, long text", "text"]);
    row(out, &["date", "text: `yyyy-mm-dd` as typed (kept even when it is not a valid date, so nothing typed is lost)"]);
    row(out, &["yes/no", &one_of(&keys(&YesNo::ALL))]);
    row(
        out,
        &["one option", "the key of one of the question's options"],
    );
    row(
        out,
        &[
            "several options",
            "a list of the keys of the question's options, each at most once",
        ],
    );
    out.push_str(
        "\n\"Shown when\" says when a question is asked. An answer to a question that is no \
         longer shown is kept in the file, but ignored by the checks and left out of the \
         report. The impacts (\"What is the likelihood and severity of any potential \
         impact?\") are kept in `impacts`, not in `answers`.\n",
    );
    for section in Section::ALL {
        let _ = write!(out, "\n### {}\n\n", section.title());
        if section.is_balancing() {
            out.push_str(
                "Not asked when a recognised legitimate interest is claimed (no balancing test \
                 is needed then).\n\n",
            );
        }
        table_head(
            out,
            &["Key", "Question", "Kind", "Allowed values", "Shown when"],
        );
        for q in section.questions() {
            if matches!(q.kind, AnswerKind::Impacts) {
                continue;
            }
            let kind = match q.kind {
                AnswerKind::ShortText => "short text",
                AnswerKind::LongText => "long text",
                AnswerKind::Date => "date",
                AnswerKind::YesNo => "yes/no",
                AnswerKind::Single(_) => "one option",
                AnswerKind::Multiple(_) => "several options",
                AnswerKind::Impacts => "impacts",
            };
            let kind = if q.required {
                format!("{kind}, required")
            } else {
                kind.to_string()
            };
            let allowed = match q.kind {
                AnswerKind::YesNo => one_of(&keys(&YesNo::ALL)),
                AnswerKind::Single(choices) | AnswerKind::Multiple(choices) => choices
                    .iter()
                    .map(|c| format!("`{}` ({})", c.key, c.label))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                _ => "any text".to_string(),
            };
            row(
                out,
                &[
                    &format!("`{}`", q.key),
                    q.text,
                    &kind,
                    &allowed,
                    &shown_when(q),
                ],
            );
        }
    }
    out.push('\n');
}

/// When a question is shown, in words: its condition, and the route it is asked on.
fn shown_when(q: &Question) -> String {
    let cond = condition(&q.shown);
    match q.route {
        OnRoute::Any => cond,
        OnRoute::Ordinary if matches!(q.shown, Cond::Always) => {
            "not on the recognised legitimate interest route".to_string()
        }
        OnRoute::Ordinary => format!("{cond}, and not on the recognised legitimate interest route"),
        OnRoute::Recognised if matches!(q.shown, Cond::Always) => {
            "only on the recognised legitimate interest route".to_string()
        }
        OnRoute::Recognised => {
            format!("{cond}, and only on the recognised legitimate interest route")
        }
    }
}

/// A display condition in words, naming questions by key.
fn condition(cond: &Cond) -> String {
    fn list(keys: &[&str]) -> String {
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" or ")
    }
    match cond {
        Cond::Always => "always".to_string(),
        Cond::YesNoIn(q, set) => format!(
            "`{}` is {}",
            q.key(),
            list(&set.iter().map(|y| y.key()).collect::<Vec<_>>())
        ),
        Cond::ChoiceIn(q, set) => format!("`{}` is {}", q.key(), list(set)),
        Cond::ChoicesAny(q, set) => format!("`{}` includes {}", q.key(), list(set)),
        Cond::Answered(q) => format!("`{}` is answered", q.key()),
        Cond::All(cs) => cs
            .iter()
            .map(|c| match c {
                Cond::Any(_) => format!("({})", condition(c)),
                _ => condition(c),
            })
            .collect::<Vec<_>>()
            .join(" and "),
        Cond::Any(cs) => cs
            .iter()
            .map(|c| match c {
                Cond::All(_) => format!("({})", condition(c)),
                _ => condition(c),
            })
            .collect::<Vec<_>>()
            .join(", or "),
    }
}

fn outcome(out: &mut String) {
    out.push_str(
        "## The outcome\n\n\
         What the tool's checks found when the file was made (see [docs/rules.md](rules.md) \
         for every rule). Written for the record; never read back.\n\n",
    );
    table_head(out, &["Field", "Type", "Meaning"]);
    row(
        out,
        &[
            "`findings`",
            "list of findings",
            "Every rule that applies, blockers first, then by section.",
        ],
    );
    row(
        out,
        &[
            "`sections`",
            "list of `{\"section\", \"status\"}`",
            &format!(
                "Each section ({}) and its status: `{{\"status\": …}}` with {}, or \
             `{{\"status\": \"not-applicable\", \"reason\": text}}`.",
                one_of(&keys(&Section::ALL)),
                one_of(&status_tags()),
            ),
        ],
    );
    row(
        out,
        &[
            "`counts`",
            "`{\"blockers\", \"warnings\", \"advice\"}`, whole numbers",
            "How many findings of each severity.",
        ],
    );
    row(
        out,
        &[
            "`ready_for_sign_off`",
            "true or false",
            "Whether the assessment could be approved.",
        ],
    );
    row(
        out,
        &[
            "`sign_off_refusals`",
            "list of text",
            "Why it could not be approved yet (empty when ready).",
        ],
    );
    let shown = |d: DpiaOutcome| format!("`{}`", serde_json::to_string(&d).unwrap_or_default());
    row(
        out,
        &[
            "`dpia`",
            "object",
            &format!(
            "Whether a DPIA is needed: {} (screening found nothing likely to be high risk), {} \
             (screening is not finished) or {} (needed, and `done` says whether one was \
             carried out).",
            shown(DpiaOutcome::NotNeeded),
            shown(DpiaOutcome::NotYetKnown),
            shown(DpiaOutcome::Required { done: true }),
        ),
        ],
    );
    row(
        out,
        &[
            "`reading`",
            &one_of(&keys(&READINGS)),
            "The overall reading: whether legitimate interests looks appropriate.",
        ],
    );
    out.push_str("\n### A finding\n\n");
    table_head(out, &["Field", "Type", "Meaning"]);
    row(out, &["`id`", "text", "The rule's stable id."]);
    row(out, &["`severity`", &one_of(&keys(&Severity::ALL)), "A blocker prevents sign-off; a warning would be challenged; advice is for information."]);
    row(
        out,
        &[
            "`weight`",
            &one_of(&keys(&WEIGHTS)),
            "What the finding does to the overall reading.",
        ],
    );
    row(
        out,
        &[
            "`section`",
            "a section key",
            "Where the finding is grouped.",
        ],
    );
    row(
        out,
        &[
            "`questions`",
            "list of question keys",
            "The questions to go to in order to fix it.",
        ],
    );
    row(
        out,
        &[
            "`organisation_question`",
            "text, optional",
            "For a finding of the organisation's settings (its id starts `org.`), the id of the organisation's question it is about.",
        ],
    );
    row(out, &["`message`", "text", "What is wrong and what to do."]);
    row(
        out,
        &[
            "`detail`",
            "text, optional",
            "Specific to this assessment, such as which impact.",
        ],
    );
    row(
        out,
        &[
            "`source`",
            "`{\"citation\", \"url\", \"version\"}`, text",
            "The guidance or law the rule is based on, and the version of it the rule follows (the page's date, or when the law came into force). For a finding of the organisation's settings: their name, no URL, and their revision.",
        ],
    );
    out.push('\n');
}

fn status_tags() -> Vec<String> {
    let statuses = [
        SectionStatus::NotStarted,
        SectionStatus::InProgress,
        SectionStatus::Completed,
        SectionStatus::HasProblems,
        SectionStatus::CheckAgain,
    ];
    statuses
        .iter()
        .filter_map(|s| {
            serde_json::to_value(s)
                .ok()?
                .get("status")?
                .as_str()
                .map(String::from)
        })
        .collect()
}

fn import(out: &mut String) {
    let _ = write!(
        out,
        "## Importing\n\n\
         A file is imported when it is one of these exports or reports, at most {} MB, and \
         its `assessment` has the shape above. Files of an older format version are brought \
         up to date first (version 1 has no `organisation`, and is read as it is; one that \
         claims version 1 and has it is refused). Otherwise the tool says what is wrong: an empty file, a file too \
         large, not UTF-8 text, not valid JSON (with the line and column), JSON that is not \
         an export (or misses a field, or has a field of the wrong type, naming the field, \
         such as `impacts[0].likelihood`), a JSON object with the same field twice (naming \
         it), a file from a newer version of the tool, or an HTML file with no assessment in \
         it.\n\n\
         An HTML file is read as a browser reads it (the HTML parsing rules for tags, \
         attributes, comments, and elements whose content is text, such as `<textarea>` and \
         `<script>`), and only the one `<script>` element a browser finds by the id \
         `{SCRIPT_ID}` is imported. A file is refused when it has more than one, or an \
         `id=\"{SCRIPT_ID}\"` anywhere else (in a comment, a `<template>`, the text of \
         another element, an attribute, a second `id` on the same tag), or markup before the \
         copy that a browser may build differently (`<select>`, `<frameset>`, HTML inside an \
         `<svg>` or `<math>` drawing, markup inside `<noscript>`, a character encoding other \
         than UTF-8).\n\n\
         The `outcome` is not read. Whether `digest` matches is shown with the imported \
         assessment; an assessment that does not match its digest can still be opened, with \
         a warning that it was changed after it was exported.\n",
        MAX_IMPORT_BYTES / (1024 * 1024)
    );
}

/// `"a"`, `"b"` or `"c"`.
fn one_of(keys: &[String]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`\"{k}\"`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn table_head(out: &mut String, headings: &[&str]) {
    let _ = writeln!(out, "| {} |", headings.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headings.len()));
}

/// One table row; `|` in the cells is escaped, and line breaks would end the row.
fn row(out: &mut String, cells: &[&str]) {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace('\n', " "))
        .collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}
