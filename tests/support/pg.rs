//! A PostgreSQL for tests and benchmarks: the server named by `COPYDESK_TEST_PG` (a URL whose
//! user may create databases) when set, else a throwaway cluster of our own: `initdb` in a
//! temporary folder, `pg_ctl` listening only on a Unix socket in that folder (no TCP port, no
//! system service), stopped and deleted on drop. As root the server runs as the `postgres`
//! user (`initdb` refuses root), so the folder is handed to that user.
//!
//! `Pg::start()` is None, with the reason printed, when neither is available: the caller skips.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running server.
pub struct Pg {
    /// Our own cluster (None when `COPYDESK_TEST_PG` names a server).
    own: Option<Own>,
    /// URL of the server's `postgres` database (or of the given one).
    base: String,
}

struct Own {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
}

/// The folder of `initdb` and `pg_ctl`: Debian's newest `/usr/lib/postgresql/*/bin`, else
/// `pg_config --bindir`, else the PATH.
fn bindir() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let b = e.path().join("bin");
            b.join("initdb").is_file().then_some((v, b))
        })
        .collect();
    found.sort();
    if let Some((_, b)) = found.pop() {
        return Some(b);
    }
    if let Ok(o) = Command::new("pg_config").arg("--bindir").output() {
        let b = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
        if b.join("initdb").is_file() {
            return Some(b);
        }
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs a server program, as `postgres` when we are root.
fn server_cmd(bin: &Path, prog: &str, as_postgres: bool) -> Command {
    if as_postgres {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin.join(prog));
        c
    } else {
        Command::new(bin.join(prog))
    }
}

/// `url` with its database replaced by `db`.
pub fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{db}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl Pg {
    /// The server to test against, or None (with the reason printed) to skip.
    pub fn start() -> Option<Pg> {
        Pg::start_with(true)
    }

    /// [`Pg::start`]; `fast` turns off fsync (tests), else the server keeps its durable
    /// defaults (benchmarks).
    pub fn start_with(fast: bool) -> Option<Pg> {
        if let Ok(url) = std::env::var("COPYDESK_TEST_PG") {
            return Some(Pg {
                own: None,
                base: url,
            });
        }
        let Some(bin) = bindir() else {
            eprintln!(
                "skipped: no PostgreSQL server programs (initdb, pg_ctl) found; install Debian's \
                 postgresql package or set COPYDESK_TEST_PG to a server's URL"
            );
            return None;
        };
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("copydesk-pg")
            .tempdir()
            .ok()?;
        if as_postgres {
            let owned = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
            if !owned {
                eprintln!("skipped: cannot hand the test cluster's folder to the postgres user");
                return None;
            }
        }
        let data = dir.path().join("data");
        let init = server_cmd(&bin, "initdb", as_postgres)
            .args(["-D"])
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"])
            .arg("--locale=C")
            .output();
        match init {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                eprintln!(
                    "skipped: initdb failed: {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                return None;
            }
            Err(e) => {
                eprintln!("skipped: initdb could not run: {e}");
                return None;
            }
        }
        let sock = dir.path().display().to_string();
        let mut opts = format!("-k {sock} -c listen_addresses='' -c max_connections=60");
        if fast {
            opts.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let start = server_cmd(&bin, "pg_ctl", as_postgres)
            .arg("-D")
            .arg(&data)
            .arg("-o")
            .arg(&opts)
            .arg("-l")
            .arg(dir.path().join("log"))
            .args(["-w", "-t", "60", "start"])
            .output();
        match start {
            Ok(o) if o.status.success() => {}
            other => {
                let log = std::fs::read_to_string(dir.path().join("log")).unwrap_or_default();
                eprintln!("skipped: pg_ctl start failed: {other:?}\n{log}");
                return None;
            }
        }
        let base = format!("postgresql:///postgres?host={sock}&user=postgres");
        Some(Pg {
            own: Some(Own {
                dir,
                bin,
                as_postgres,
            }),
            base,
        })
    }

    /// The URL of the server's `postgres` database.
    pub fn admin_url(&self) -> &str {
        &self.base
    }

    /// A fresh database (dropped first if it exists); its URL.
    pub fn database(&self, name: &str) -> String {
        let db = copydesk::archive::Blocking::new(&self.base, copydesk::archive::Role::Writer)
            .expect("admin pool");
        db.run(async {
            let c = db
                .archive()
                .client()
                .await
                .expect("connect to the test server");
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("drop");
            c.batch_execute(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
        });
        with_db(&self.base, name)
    }

    /// The Unix socket folder of our own cluster.
    pub fn socket_dir(&self) -> Option<&Path> {
        self.own.as_ref().map(|o| o.dir.path())
    }

    /// Stops our own cluster now (fast shutdown), e.g. to see what clients do when the
    /// server goes away. Returns false when the server is not ours.
    pub fn stop(&self) -> bool {
        let Some(o) = &self.own else { return false };
        server_cmd(&o.bin, "pg_ctl", o.as_postgres)
            .arg("-D")
            .arg(o.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        self.stop();
    }
}
