//! The shared archive: article summaries in PostgreSQL (issue #20), for a newsroom whose
//! reporters, editors and CI runners all compare with the same archive instead of each
//! re-reading it. Shell side, beside the SQLite cache (`crate::cache`): it does I/O.
//!
//! - [`Archive`] is an async client: a `deadpool-postgres` pool of `tokio-postgres`
//!   connections, TLS through rustls (`tokio-postgres-rustls`, certificates checked against the
//!   system's store), a 2 s connect timeout and a statement timeout on every connection.
//! - The schema is `migrations/` in the repository, embedded at build time and applied by
//!   `refinery` under an advisory lock when an ingester connects ([`Archive::migrate`]);
//!   readers never change the schema (they may hold only the read-only role).
//! - Summaries are stored through `ArticleSummary`'s own serde form (jsonb) with the keyword
//!   hashes beside it as bytes, as the SQLite cache keeps them ([`codec`]).
//! - [`ingest`] writes batches in transactions (upserts by key, incremental by content hash)
//!   and gives each article its story ([`story`]); [`load`] reads the articles around a date
//!   (those of the stories a checked article may share) and the figures a hover looks up.
//! - [`Blocking`] wraps it all for the synchronous command line.

pub mod codec;
pub mod ingest;
pub mod load;
pub mod story;

pub use ingest::{IngestStats, Item};

use std::time::Duration;

/// The environment variable holding the archive's URL (so that passwords stay out of files).
pub const ENV_URL: &str = "COPYDESK_DATABASE_URL";

/// How long connecting may take before the archive counts as down.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// The statement timeout of a reader's connections (an editor's lookups).
pub const READ_STATEMENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The statement timeout of an ingester's connections (batches of a few hundred articles).
pub const WRITE_STATEMENT_TIMEOUT: Duration = Duration::from_secs(120);

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// True when a `sources` entry names a PostgreSQL archive rather than a folder.
pub fn is_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

/// The URL with any password replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    // postgres://user:password@host/db
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let Some(at) = rest.find('@') else {
        return url.to_string();
    };
    let userinfo = &rest[..at];
    match userinfo.find(':') {
        Some(colon) => format!(
            "{}{}:***{}",
            &url[..scheme_end],
            &userinfo[..colon],
            &rest[at..]
        ),
        None => url.to_string(),
    }
}

/// What an archive connection is for: the timeouts differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Lookups for a check, a comparison or the editor.
    Reader,
    /// `copydesk index`.
    Writer,
}

/// An error talking to the archive, as one line.
#[derive(Debug, Clone)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Error {
        // tokio-postgres puts the server's message in the source: show both, on one line
        let mut msg = e.to_string();
        if let Some(db) = e.as_db_error() {
            if !msg.contains(db.message()) {
                msg = format!("{msg}: {}", db.message());
            }
        } else if let Some(src) = std::error::Error::source(&e) {
            let s = src.to_string();
            if !msg.contains(&s) {
                msg = format!("{msg}: {s}");
            }
        }
        Error(msg.replace('\n', " "))
    }
}

impl From<deadpool_postgres::PoolError> for Error {
    fn from(e: deadpool_postgres::PoolError) -> Error {
        use deadpool_postgres::PoolError;
        match e {
            PoolError::Backend(b) => Error::from(b),
            PoolError::Timeout(_) => Error(format!(
                "no connection within {}s (is the server up?)",
                CONNECT_TIMEOUT.as_secs()
            )),
            other => Error(other.to_string().replace('\n', " ")),
        }
    }
}

/// A pool of connections to one archive.
#[derive(Clone)]
pub struct Archive {
    pool: deadpool_postgres::Pool,
    url: String,
    /// The stored articles this client knows, for giving stories to the ones it writes.
    stories: std::sync::Arc<tokio::sync::Mutex<story::Assigner>>,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Archive({})", redact(&self.url))
    }
}

/// The TLS connector: rustls with the ring provider and the system's root certificates.
/// Used when the URL asks for TLS (`sslmode=prefer`, the default, or `require`) and the
/// server offers it; Unix sockets never use it.
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, Error> {
    let mut roots = rustls::RootCertStore::empty();
    // a missing or partly unreadable store leaves TLS to fail on connect, with the reason
    let found = rustls_native_certs::load_native_certs();
    for cert in found.certs {
        let _ = roots.add(cert);
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

impl Archive {
    /// A pool for `url` (`postgres://user:pass@host:port/db?sslmode=require`, or
    /// `postgres:///db?host=/run/postgresql` for a Unix socket). Nothing is connected yet:
    /// the first query connects, within [`CONNECT_TIMEOUT`].
    pub fn new(url: &str, role: Role) -> Result<Archive, Error> {
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| Error(format!("bad archive URL: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let statement = match role {
            Role::Reader => READ_STATEMENT_TIMEOUT,
            Role::Writer => WRITE_STATEMENT_TIMEOUT,
        };
        let mut options = config.get_options().unwrap_or("").to_string();
        options.push_str(&format!(
            " -c statement_timeout={} -c lock_timeout={}",
            statement.as_millis(),
            statement.as_millis()
        ));
        config.options(options.trim());
        if config.get_application_name().is_none() {
            config.application_name("copydesk");
        }
        config.keepalives_idle(Duration::from_secs(30));
        let manager = deadpool_postgres::Manager::from_config(
            config,
            tls()?,
            deadpool_postgres::ManagerConfig {
                recycling_method: deadpool_postgres::RecyclingMethod::Fast,
            },
        );
        let pool = deadpool_postgres::Pool::builder(manager)
            .max_size(4)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .create_timeout(Some(CONNECT_TIMEOUT + Duration::from_millis(500)))
            .wait_timeout(Some(statement))
            .build()
            .map_err(|e| Error(e.to_string()))?;
        Ok(Archive {
            pool,
            url: url.to_string(),
            stories: std::sync::Arc::new(tokio::sync::Mutex::new(story::Assigner::new(
                crate::config::Config::default().window_days,
            ))),
        })
    }

    /// The URL, password hidden.
    pub fn name(&self) -> String {
        redact(&self.url)
    }

    /// A connection from the pool.
    pub async fn client(&self) -> Result<deadpool_postgres::Object, Error> {
        Ok(self.pool.get().await?)
    }

    /// Brings the schema up to date (`migrations/`), one ingester at a time (an advisory lock
    /// serialises concurrent ingesters starting together).
    pub async fn migrate(&self) -> Result<(), Error> {
        // a key of our own for pg_advisory_lock: "copydesk" in ASCII
        const LOCK: i64 = 0x636f_7079_6465_736b;
        let mut client = self.client().await?;
        client
            .execute("SELECT pg_advisory_lock($1)", &[&LOCK])
            .await?;
        let res = embedded::migrations::runner()
            .run_async(&mut **client)
            .await
            .map_err(|e| Error(format!("migrating the archive: {e}")));
        let unlocked = client
            .execute("SELECT pg_advisory_unlock($1)", &[&LOCK])
            .await;
        res?;
        unlocked?;
        Ok(())
    }

    /// Number of articles in the archive.
    pub async fn count(&self) -> Result<i64, Error> {
        let c = self.client().await?;
        Ok(c.query_one("SELECT count(*) FROM articles", &[])
            .await?
            .get(0))
    }
}

/// The archive for the synchronous command line: an [`Archive`] with a runtime of its own.
pub struct Blocking {
    rt: tokio::runtime::Runtime,
    archive: Archive,
}

impl Blocking {
    /// Opens (lazily) the archive at `url`.
    pub fn new(url: &str, role: Role) -> Result<Blocking, Error> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error(e.to_string()))?;
        // the pool's timeouts need the runtime's context when it is built
        let archive = {
            let _g = rt.enter();
            Archive::new(url, role)?
        };
        Ok(Blocking { rt, archive })
    }

    /// The async archive.
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// Runs a future on the runtime.
    pub fn run<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        self.rt.block_on(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_folders_and_redacted() {
        assert!(is_url("postgres://u@h/db"));
        assert!(is_url("postgresql:///db?host=/tmp"));
        assert!(!is_url("archive/postgres"));
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("postgres:///db?host=/x"), "postgres:///db?host=/x");
    }

    #[test]
    fn a_bad_url_is_an_error_not_a_panic() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("rt");
        let _g = rt.enter();
        assert!(Archive::new("postgres://u@h:notaport/db", Role::Reader).is_err());
    }
}
