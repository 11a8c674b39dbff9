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
}

impl Route {
    /// The hash for this route: `#/`, `#/a/<id>`, `#/a/<id>/<section>`, `#/a/<id>/check`.
    pub fn to_hash(&self, id: Option<&str>) -> String {
        match (self, id) {
            (Route::Start, _) | (_, None) => "#/".into(),
            (Route::Tasks, Some(id)) => format!("#/a/{id}"),
            (Route::Check, Some(id)) => format!("#/a/{id}/check"),
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
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("a"), Some(id), None) if !id.is_empty() => (Some(id.into()), Route::Tasks),
            (Some("a"), Some(id), Some("check")) => (Some(id.into()), Route::Check),
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
        assert_eq!(Route::from_hash(""), (None, Route::Start));
        assert_eq!(Route::Tasks.to_hash(None), "#/");
    }

    #[test]
    fn unknown_hashes_fall_back_safely() {
        assert_eq!(
            Route::from_hash("#/a/x/nonsense"),
            (Some("x".into()), Route::Tasks)
        );
        assert_eq!(Route::from_hash("#/elsewhere/1/2"), (None, Route::Start));
        assert_eq!(Route::from_hash("#/a/"), (None, Route::Start));
    }
}
