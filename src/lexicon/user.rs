//! Words the user adds in `.copydesk.toml` (`[words]`): their beat's places and the outlets
//! they read. Registered once for the process when the configuration is read
//! (`Config::apply_words`); the look-ups read them beside the built-in data.

use std::sync::{LazyLock, RwLock};

static PLACES: LazyLock<RwLock<Vec<String>>> = LazyLock::new(|| RwLock::new(Vec::new()));
static OUTLETS: LazyLock<RwLock<Vec<String>>> = LazyLock::new(|| RwLock::new(Vec::new()));

/// A name's key: lowercase, one space between words, without a leading "the".
fn key(name: &str) -> String {
    let k = super::places::key(name);
    match k.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => k,
    }
}

fn add(list: &RwLock<Vec<String>>, names: &[String]) {
    if let Ok(mut l) = list.write() {
        for n in names {
            let k = key(n);
            if !k.is_empty() && !l.contains(&k) {
                l.push(k);
            }
        }
    }
}

fn has(list: &RwLock<Vec<String>>, name: &str) -> bool {
    // most configurations add no words: no key is built for an empty list
    list.read()
        .is_ok_and(|l| !l.is_empty() && l.contains(&key(name)))
}

/// Adds places (names of towns, districts, neighbourhoods): they count as places.
pub fn add_places(names: &[String]) {
    add(&PLACES, names);
}

/// Adds outlets (names of news organisations and other sources): they count as
/// organisations that can be sources.
pub fn add_outlets(names: &[String]) {
    add(&OUTLETS, names);
}

/// True for a place the user added (compared without case).
pub fn is_place(name: &str) -> bool {
    has(&PLACES, name)
}

/// True for an outlet the user added (compared without case).
pub fn is_outlet(name: &str) -> bool {
    has(&OUTLETS, name)
}
