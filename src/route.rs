//! Where the user is. Kept in a signal, mirrored in the URL hash when the tool owns
//! the page (so reload and the back button work), never when embedded beside others.

use crate::assessment::Section;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// The task list of the open assessment.
    Tasks,
    /// A section's question page; `from_check` when reached from a "Change" link.
    Section {
        section: Section,
        from_check: bool,
    },
    /// Check your answers (and approve).
    Check,
    /// What changed since the version the open assessment reviews.
    Changes,
    /// The register of records opened from files (no assessment need be open).
    Register,
    /// What changed between two records of the register: the entries of the review and
    /// of the version it reviews.
    RegisterChanges {
        review: usize,
        previous: usize,
    },
    /// A file sent for approval, open for the approver (not a saved assessment).
    Approve,
    /// The approver's key and the trusted approvers (no assessment need be open).
    Keys,
    /// The organisation's settings: what they add, and choosing a file (no assessment
    /// need be open).
    Settings,
    /// The organisation's settings edited, tried and downloaded (no assessment need be
    /// open).
    SettingsEdit,
}

/// An assessment id as it appears in an address: every byte but ASCII letters, digits
/// and `-._~` as `%XX`, so any id (a space, `/`, `?`, `#`, `%`, a line separator, any
/// letter) survives the hash and comes back as it was.
pub fn encode_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An id back from its form in an address (raw characters pass through, as a browser
/// may give them). `None` if the escapes do not spell UTF-8 text.
pub fn decode_id(encoded: &str) -> Option<String> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Something to do that an address asks for: the links of the start page, which work
/// before the app has started (a click then changes only the address, and the app does
/// what it asks when it starts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// `#/new`: start a new assessment.
    New,
    /// `#/example/<key>`: start from the example with this key.
    Example(String),
}

impl Action {
    pub fn to_hash(&self) -> String {
        match self {
            Action::New => "#/new".into(),
            Action::Example(key) => format!("#/example/{}", encode_id(key)),
        }
    }

    /// The action an address asks for, if it asks for one.
    pub fn from_hash(hash: &str) -> Option<Action> {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            None if path == "new" => Some(Action::New),
            Some(("example", key)) if !key.is_empty() => decode_id(key).map(Action::Example),
            _ => None,
        }
    }
}

impl Route {
    /// The hash for this route: `#/`, `#/a/<id>`, `#/a/<id>/<section>`, `#/a/<id>/check`,
    /// with the id encoded (`encode_id`); `#/approve` for a file under approval.
    pub fn to_hash(&self, id: Option<&str>) -> String {
        let encoded = id.map(encode_id);
        let id = encoded.as_deref();
        match (self, id) {
            (Route::Register, _) => "#/register".into(),
            (Route::RegisterChanges { review, previous }, _) => {
                format!("#/register/changes/{review}/{previous}")
            }
            (Route::Approve, _) => "#/approve".into(),
            (Route::Keys, _) => "#/keys".into(),
            (Route::Settings, _) => "#/settings".into(),
            (Route::SettingsEdit, _) => "#/settings/edit".into(),
            (Route::Start, _) | (_, None) => "#/".into(),
            (Route::Tasks, Some(id)) => format!("#/a/{id}"),
            (Route::Check, Some(id)) => format!("#/a/{id}/check"),
            (Route::Changes, Some(id)) => format!("#/a/{id}/changes"),
            (
                Route::Section {
                    section,
                    from_check,
                },
                Some(id),
            ) => format!(
                "#/a/{id}/{}{}",
                section.key(),
                if *from_check { "?from=check" } else { "" }
            ),
        }
    }

    /// Reads a hash back: the assessment id (if any) and the route.
    pub fn from_hash(hash: &str) -> (Option<String>, Route) {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        if let Some(register) = path.strip_prefix("register") {
            let numbers: Vec<Option<usize>> = register
                .trim_start_matches('/')
                .strip_prefix("changes/")
                .map(|rest| rest.split('/').map(|n| n.parse().ok()).collect())
                .unwrap_or_default();
            return match numbers[..] {
                [Some(review), Some(previous)] => {
                    (None, Route::RegisterChanges { review, previous })
                }
                _ => (None, Route::Register),
            };
        }
        let mut parts = path.split('/');
        let (first, id, rest) = (parts.next(), parts.next(), parts.next());
        let decoded = id.and_then(decode_id);
        let id = match (id, &decoded) {
            (Some(_), None) => return (None, Route::Start),
            _ => decoded.as_deref(),
        };
        match (first, id, rest) {
            (Some("approve"), None, None) => (None, Route::Approve),
            (Some("keys"), None, None) => (None, Route::Keys),
            (Some("settings"), None, None) => (None, Route::Settings),
            (Some("settings"), Some("edit"), None) => (None, Route::SettingsEdit),
            (Some("a"), Some(id), None) if !id.is_empty() => (Some(id.into()), Route::Tasks),
            (Some("a"), Some(id), Some("check")) => (Some(id.into()), Route::Check),
            (Some("a"), Some(id), Some("changes")) => (Some(id.into()), Route::Changes),
            (Some("a"), Some(id), Some(key)) => match Section::from_key(key) {
                Some(section) => (
                    Some(id.into()),
                    Route::Section {
                        section,
                        from_check: query == "from=check",
                    },
                ),
                None => (Some(id.into()), Route::Tasks),
            },
            _ => (None, Route::Start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_the_hash() {
        let routes = [
            Route::Tasks,
            Route::Check,
            Route::Changes,
            Route::Section {
                section: Section::Purpose,
                from_check: false,
            },
            Route::Section {
                section: Section::SignOff,
                from_check: true,
            },
        ];
        for route in routes {
            let hash = route.to_hash(Some("abc-123"));
            assert_eq!(
                Route::from_hash(&hash),
                (Some("abc-123".into()), route),
                "{hash}"
            );
        }
        assert_eq!(Route::from_hash("#/"), (None, Route::Start));
        assert_eq!(Route::Approve.to_hash(Some("x")), "#/approve");
        assert_eq!(Route::from_hash("#/approve"), (None, Route::Approve));
        // Pages of the tool, not of an assessment.
        for route in [Route::Keys, Route::Settings] {
            for id in [None, Some("abc")] {
                assert_eq!(Route::from_hash(&route.to_hash(id)), (None, route.clone()));
            }
        }
        assert_eq!(Route::Settings.to_hash(None), "#/settings");
        assert_eq!(Route::from_hash("#/settings/x"), (None, Route::Start));
        assert_eq!(Route::from_hash(""), (None, Route::Start));
        assert_eq!(Route::Tasks.to_hash(None), "#/");
        // The register belongs to no assessment.
        for route in [
            Route::Register,
            Route::RegisterChanges {
                review: 3,
                previous: 12,
            },
        ] {
            for id in [None, Some("abc")] {
                assert_eq!(Route::from_hash(&route.to_hash(id)), (None, route.clone()));
            }
        }
        assert_eq!(Route::SettingsEdit.to_hash(Some("x")), "#/settings/edit");
        assert_eq!(
            Route::from_hash("#/settings/edit"),
            (None, Route::SettingsEdit)
        );
        assert_eq!(
            Route::from_hash("#/register/changes/x/1"),
            (None, Route::Register)
        );
    }

    #[test]
    fn unknown_hashes_fall_back_safely() {
        assert_eq!(
            Route::from_hash("#/a/x/nonsense"),
            (Some("x".into()), Route::Tasks)
        );
        assert_eq!(Route::from_hash("#/elsewhere/1/2"), (None, Route::Start));
        assert_eq!(Route::from_hash("#/a/"), (None, Route::Start));
        // Escapes that are not UTF-8 name no assessment.
        assert_eq!(Route::from_hash("#/a/%FF"), (None, Route::Start));
    }

    #[test]
    fn actions_survive_the_hash_and_are_not_routes() {
        for action in [Action::New, Action::Example("housing-marketing".into())] {
            let hash = action.to_hash();
            assert_eq!(Action::from_hash(&hash), Some(action), "{hash}");
            assert_eq!(Route::from_hash(&hash), (None, Route::Start), "{hash}");
        }
        assert_eq!(Action::from_hash("#/"), None);
        assert_eq!(Action::from_hash("#/example/"), None);
        assert_eq!(Action::from_hash("#/a/new"), None);
        assert_eq!(Action::from_hash("#/newer"), None);
    }

    #[test]
    fn any_id_survives_the_hash() {
        for id in [
            "a b",
            "a/b",
            "a?b",
            "é",
            "<x>",
            "a\"b",
            "../x",
            "a\u{2028}b",
            "a#b",
            "100%",
            "%41",
            "a\nb",
            "😀",
            "x?from=check",
        ] {
            for route in [
                Route::Tasks,
                Route::Check,
                Route::Section {
                    section: Section::Purpose,
                    from_check: true,
                },
            ] {
                let hash = route.to_hash(Some(id));
                let rest = hash.trim_start_matches("#/a/");
                assert!(
                    rest.bytes()
                        .all(|b| b.is_ascii_graphic() && b != b'#' && b != b'"'),
                    "{hash}"
                );
                assert_eq!(
                    Route::from_hash(&hash),
                    (Some(id.to_string()), route.clone()),
                    "{id:?}"
                );
            }
        }
        // A browser may hand back characters it did not need to escape.
        assert_eq!(Route::from_hash("#/a/é"), (Some("é".into()), Route::Tasks));
        assert_eq!(decode_id("100%"), Some("100%".into()));
    }
}
