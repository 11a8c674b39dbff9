//! The approver's key and the trusted approvers in the shell: loading them at start-up
//! (`keystore`), making a key, signing a decision the core made (`Session::decide`
//! gives the bytes; WebCrypto signs; `Session::signed` checks and keeps it), and
//! adding or removing a trusted approver. What a card, a signature or trust means is
//! decided in the core (`crate::handover`).

use leptos::prelude::*;

use super::browser;
use super::keystore::{self, PrivateKey, Stored};
use super::state::AppState;
use crate::base64;
use crate::handover::{
    read_card, DecisionForm, DecisionProblem, Fingerprint, KeyCard, Signer, Trust, TrustSource,
    ALGORITHM,
};
use crate::session::{KeptTrust, Protection};

/// The label the private key is sealed under (with the passphrase, on `file:`).
const KEY_LABEL: &str = "approver-key";

/// This browser's signing key, as the pages see it.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyState {
    /// Not read from IndexedDB yet.
    Loading,
    None,
    Ready(KeyCard),
    /// Kept, but cannot be used now (why).
    Unusable(KeyCard, String),
    /// IndexedDB (or WebCrypto) is not available here.
    Unavailable(String),
}

fn namespace(state: AppState) -> String {
    state
        .config
        .with_value(|c| c.settings.namespace.as_str().to_string())
}

/// Opened as a file: the key and the trusted list are kept only with the passphrase.
fn needs_passphrase() -> bool {
    browser::opened_from_file()
}

fn protection(state: AppState) -> Protection {
    state.storage.protection.get_untracked()
}

/// Reads the key and the trusted list (at start-up, and again once the passphrase is
/// given, which opens what is sealed with it).
pub fn load(state: AppState) {
    if state.config.with_value(|c| c.prerender) {
        return;
    }
    leptos::task::spawn_local(async move {
        let ns = namespace(state);
        match keystore::load(&ns).await {
            Ok(None) => state.approver.set(KeyState::None),
            Ok(Some(stored)) => {
                let card = read_card(stored.card.as_bytes());
                match card {
                    Ok(card) => {
                        let usable = match &stored.key {
                            PrivateKey::Key(_) => None,
                            PrivateKey::Sealed(sealed) => {
                                let opened = state
                                    .with_session(|s| s.open_secret(KEY_LABEL, sealed))
                                    .flatten();
                                opened.is_none().then(|| {
                                    if protection(state) == Protection::Locked {
                                        "Give the passphrase on the start page to use it.".to_string()
                                    } else {
                                        "It is protected with a passphrase that is no longer the one set here. Make a new key, and send your new key card.".to_string()
                                    }
                                })
                            }
                        };
                        state.private_key.set_value(Some(stored));
                        state.approver.set(match usable {
                            None => KeyState::Ready(card),
                            Some(why) => KeyState::Unusable(card, why),
                        });
                    }
                    Err(problem) => state.approver.set(KeyState::Unavailable(format!(
                        "The key kept here is damaged: {problem}"
                    ))),
                }
            }
            Err(why) => state.approver.set(KeyState::Unavailable(format!(
                "This browser does not let the tool keep a signing key: {why}."
            ))),
        }
        // What of the kept list may be trusted is the session's to say.
        let kept = match keystore::load_trusted(&ns).await {
            Ok(Some(text)) => state
                .with_session(|s| s.read_trust_list(&text, needs_passphrase()))
                .unwrap_or(KeptTrust::Locked),
            _ => KeptTrust::Cards(Vec::new()),
        };
        let (cards, refused) = match kept {
            KeptTrust::Cards(cards) => (cards, None),
            KeptTrust::Locked => (Vec::new(), None),
            KeptTrust::Refused(why) => (Vec::new(), Some(why.to_string())),
        };
        state.trust_refused.set(refused);
        set_trust(state, &cards);
    });
}

/// Once the passphrase is given: a key sealed with it opens now, in this task, so no page
/// says it cannot be used while `load` reads the store again (which then finds the same).
pub fn unlocked(state: AppState) {
    if let KeyState::Unusable(card, _) = state.approver.get_untracked() {
        if opened_key(state).is_some() {
            state.approver.set(KeyState::Ready(card));
        }
    }
    load(state);
}

/// The trust list: the host page's cards and `browser_cards`, checked by the core.
fn set_trust(state: AppState, browser_cards: &[KeyCard]) {
    let organisation = state
        .config
        .with_value(|c| c.settings.trusted_approvers.clone());
    let (trust, _refused) = Trust::new(&organisation, browser_cards);
    state.with_session(|s| s.set_trust(trust.clone()));
    state.trust.set(trust);
}

/// Makes this browser's signing key for `name`, `role` and `organisation`, keeps it and
/// shows its key card. On `file:`, only with a passphrase set and given.
pub async fn create(
    state: AppState,
    name: String,
    role: String,
    organisation: String,
) -> Result<(), String> {
    let file = needs_passphrase();
    if file && protection(state) != Protection::On {
        return Err("This tool is opened as a file, where every page opened from a file shares this browser's storage. Set a passphrase on the start page first: your key is then kept only with it.".into());
    }
    let (public, private) = keystore::generate(file).await?;
    let signer = Signer {
        name: name.trim().to_string(),
        role: role.trim().to_string(),
        organisation: organisation.trim().to_string(),
        algorithm: ALGORITHM.into(),
        key: base64::encode(&public),
    };
    let card = signer.card();
    crate::handover::keycard::check_card(&card).map_err(|p| p.to_string())?;
    let key = if file {
        let pkcs8 = keystore::pkcs8(&private).await?;
        let sealed = state
            .with_session(|s| s.seal_secret(KEY_LABEL, &pkcs8))
            .flatten()
            .ok_or("Set a passphrase on the start page first.")?;
        PrivateKey::Sealed(sealed)
    } else {
        PrivateKey::Key(private)
    };
    let ns = namespace(state);
    keystore::save(&ns, &card.to_file(), &key).await?;
    state.private_key.set_value(Some(Stored {
        card: card.to_file(),
        key,
    }));
    state.approver.set(KeyState::Ready(card));
    Ok(())
}

/// Deletes this browser's key (a new one can be made; the old card then verifies as
/// not trusted wherever it is not listed).
pub async fn delete(state: AppState) -> Result<(), String> {
    keystore::delete(&namespace(state)).await?;
    state.private_key.set_value(None);
    state.approver.set(KeyState::None);
    Ok(())
}

/// The approver's decision: the core checks it and gives the bytes to sign; they are
/// signed here and handed back. `done` is called with the outcome once signed.
pub fn decide(
    state: AppState,
    form: &DecisionForm,
    done: impl FnOnce(Result<(), String>) + 'static,
) -> Result<(), Vec<DecisionProblem>> {
    let signer = match state.approver.get_untracked() {
        KeyState::Ready(card) => Some(card.signer()),
        _ => None,
    };
    let message = state
        .run(|s, _| s.decide(form, signer.as_ref()))
        .unwrap_or_else(|| Err(vec![DecisionProblem::NotWaiting]))?;
    let stored = state.private_key.get_value();
    leptos::task::spawn_local(async move {
        let result = async {
            let stored = stored.ok_or("there is no key in this browser")?;
            let opened = match &stored.key {
                PrivateKey::Sealed(sealed) => state
                    .with_session(|s| s.open_secret(KEY_LABEL, sealed))
                    .flatten()
                    .and_then(|b| base64::decode(&b)),
                PrivateKey::Key(_) => None,
            };
            let signature = keystore::sign(&stored.key, opened, &message).await?;
            state
                .run(|s, now| s.signed(&signature, now))
                .unwrap_or(Err(crate::handover::Mismatch::Altered))
                .map_err(|why| format!("the signature could not be checked: {}", why.describe()))
        }
        .await;
        done(result);
    });
    Ok(())
}

/// Adds a key card to this browser's trusted approvers (after its fingerprint was
/// checked with the approver). On `file:`, only with a passphrase set and given.
pub async fn trust(state: AppState, card: KeyCard) -> Result<(), String> {
    let mut cards = state.trust.with_untracked(Trust::browser_cards);
    if !cards.contains(&card) {
        cards.push(card);
    }
    save_trusted(state, cards).await
}

/// Takes a card added in this browser off the list.
pub async fn untrust(state: AppState, fingerprint: Fingerprint) -> Result<(), String> {
    let mut trust = state.trust.get_untracked();
    trust.remove(&fingerprint);
    save_trusted(state, trust.browser_cards()).await
}

async fn save_trusted(state: AppState, cards: Vec<KeyCard>) -> Result<(), String> {
    let text = state
        .with_session(|s| s.write_trust_list(&cards, needs_passphrase()))
        .unwrap_or(Err("the tool is still starting"))?;
    keystore::save_trusted(&namespace(state), &text).await?;
    state.trust_refused.set(None);
    set_trust(state, &cards);
    Ok(())
}

/// After the passphrase was set, changed or removed: what was sealed with the old one
/// (or kept in clear), opened before the change (`key`: the signing key's bytes, on
/// `file:`), is kept again as the new protection asks.
pub fn reseal(state: AppState, key: Option<String>) {
    let cards = state.trust.with_untracked(Trust::browser_cards);
    let stored = state.private_key.get_value();
    leptos::task::spawn_local(async move {
        let ns = namespace(state);
        if let (Some(pkcs8), Some(stored)) = (key, stored) {
            if let Some(sealed) = state
                .with_session(|s| s.seal_secret(KEY_LABEL, &pkcs8))
                .flatten()
            {
                let key = PrivateKey::Sealed(sealed);
                if keystore::save(&ns, &stored.card, &key).await.is_ok() {
                    state.private_key.set_value(Some(Stored {
                        card: stored.card,
                        key,
                    }));
                }
            }
        }
        if !cards.is_empty() {
            let _ = save_trusted(state, cards).await;
        }
    });
}

/// The private key's bytes, opened with the passphrase now (before it changes).
pub fn opened_key(state: AppState) -> Option<String> {
    match state.private_key.get_value()?.key {
        PrivateKey::Sealed(sealed) => state
            .with_session(|s| s.open_secret(KEY_LABEL, &sealed))
            .flatten(),
        PrivateKey::Key(_) => None,
    }
}

/// Whether a card is the organisation's (it cannot be taken off here).
pub fn source_label(source: TrustSource) -> &'static str {
    match source {
        TrustSource::Organisation => "Your organisation's list",
        TrustSource::Browser => "Added in this browser",
    }
}
