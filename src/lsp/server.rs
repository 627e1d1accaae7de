//! The `LanguageServer` implementation: converts LSP requests, calls the core, converts back.

use super::actions::{code_actions, is_markdown};
use super::analyse::{snapshot_guarded, Snapshot, Status};
use super::diagnostics::diagnostics;
use super::documents::Documents;
use super::hover::{comparison, date_at, hover_markdown, WorkspaceView};
use super::outline::{document_symbols, inlay_hints};
use super::position::{self, Encoding};
use super::settings::{DiagnosticsMode, Settings};
use crate::config::Config;
use crate::engine::Engine;
use crate::sources::compare::Progress;
use crate::text::Span;
use crate::workspace;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Bounded, Client, LanguageServer, NotCancellable, OngoingProgress};

/// Commands served through `workspace/executeCommand`.
pub const COMMANDS: &[&str] = &[
    "copydesk.showComparisons",
    "copydesk.checkWorkspace",
    "copydesk.debugText",
];

/// After analysing a text this large, freed memory is handed back to the OS.
const TRIM_AFTER_BYTES: usize = 4 * 1024 * 1024;

/// What the client said about itself at `initialize`.
#[derive(Clone, Debug, Default)]
struct Init {
    enc: Encoding,
    watch_dynamic: bool,
    progress: bool,
    inlay_refresh: bool,
    diagnostic_refresh: bool,
    folders: Vec<PathBuf>,
}

impl Init {
    /// What the client's `initialize` request says: its capabilities and workspace folders.
    fn from_params(params: &InitializeParams) -> Init {
        let caps = &params.capabilities;
        let ws_caps = caps.workspace.as_ref();
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if folders.is_empty() {
            if let Some(p) = params.root_uri.as_ref().and_then(uri_path) {
                folders.push(p);
            }
        }
        Init {
            enc: Encoding::negotiate(
                caps.general
                    .as_ref()
                    .and_then(|g| g.position_encodings.as_deref()),
            ),
            watch_dynamic: ws_caps
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            inlay_refresh: ws_caps
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                .unwrap_or(false),
            diagnostic_refresh: ws_caps
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|i| i.refresh_support)
                .unwrap_or(false),
            folders,
        }
    }
}

/// What the server offers: pull diagnostics only when the client is not pushed them.
fn capabilities(enc: Encoding, pull_diagnostics: bool) -> ServerCapabilities {
    let diagnostic_provider = pull_diagnostics.then(|| {
        DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("copydesk".into()),
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })
    });
    ServerCapabilities {
        position_encoding: Some(enc.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: COMMANDS.iter().map(|c| c.to_string()).collect(),
            ..ExecuteCommandOptions::default()
        }),
        diagnostic_provider,
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// Parsed `.copydesk.toml` files by path, with the modification time they were read at.
type ConfigCache = HashMap<
    PathBuf,
    (
        Option<std::time::SystemTime>,
        std::result::Result<Config, String>,
    ),
>;

/// Shared server state (cloned into background tasks).
pub struct State {
    client: Client,
    docs: Mutex<Documents>,
    init: RwLock<Init>,
    settings: RwLock<Settings>,
    ws: RwLock<WorkspaceView>,
    configs: Mutex<ConfigCache>,
    told: Mutex<HashSet<String>>,
    publish_lock: tokio::sync::Mutex<()>,
    /// One analysis at a time per document (stale waiters give up when they get their turn).
    running: Mutex<HashMap<Uri, Arc<tokio::sync::Mutex<()>>>>,
    index_gen: std::sync::atomic::AtomicU64,
    /// Set while the workspace index is being built: articles indexed of those found.
    indexing: Mutex<Option<Progress>>,
    check_gen: std::sync::atomic::AtomicU64,
    log_file: Option<Mutex<std::fs::File>>,
    /// The shared archive's ranges loaded into `ws` (issue #20).
    archive: Mutex<super::archive::ArchiveState>,
    /// Large texts the framing layer passed beside tower-lsp ([`super::parcels`]).
    parcels: super::parcels::Parcels,
}

/// The language server.
pub struct Backend {
    st: Arc<State>,
    shut_down: Arc<std::sync::atomic::AtomicBool>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
fn read<T>(m: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}
fn write<T>(m: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

fn internal(msg: String) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: msg.into(),
        data: None,
    }
}

fn uri_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

impl Backend {
    /// A server talking to `client`, logging to `log_file` too when given; `shut_down` is
    /// set when the client sends `shutdown` (the exit code depends on it).
    pub fn new(
        client: Client,
        log_file: Option<std::fs::File>,
        shut_down: Arc<std::sync::atomic::AtomicBool>,
        parcels: super::parcels::Parcels,
    ) -> Backend {
        Backend {
            shut_down,
            st: Arc::new(State {
                client,
                docs: Mutex::new(Documents::default()),
                init: RwLock::new(Init::default()),
                settings: RwLock::new(Settings::default()),
                ws: RwLock::new(WorkspaceView::default()),
                configs: Mutex::new(HashMap::new()),
                told: Mutex::new(HashSet::new()),
                publish_lock: tokio::sync::Mutex::new(()),
                running: Mutex::new(HashMap::new()),
                index_gen: std::sync::atomic::AtomicU64::new(0),
                indexing: Mutex::new(None),
                check_gen: std::sync::atomic::AtomicU64::new(0),
                log_file: log_file.map(Mutex::new),
                archive: Mutex::new(super::archive::ArchiveState::default()),
                parcels,
            }),
        }
    }
}

impl State {
    fn enc(&self) -> Encoding {
        read(&self.init).enc
    }

    fn mode(&self) -> DiagnosticsMode {
        read(&self.settings).diagnostics.unwrap_or_default()
    }

    async fn log(&self, typ: MessageType, msg: impl Into<String>) {
        let msg = msg.into();
        if let Some(f) = &self.log_file {
            let now = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f");
            let _ = writeln!(lock(f), "{now} {typ:?} {msg}");
        }
        self.client.log_message(typ, msg).await;
    }

    /// Shows a message once per key.
    async fn tell_once(&self, key: String, typ: MessageType, msg: String) {
        if lock(&self.told).insert(key) {
            self.client.show_message(typ, msg.clone()).await;
            self.log(typ, msg).await;
        }
    }

    /// The configuration for a file: `.copydesk.toml` from its folder, then client settings.
    ///
    /// The file is looked up each time (a few `stat`s) and re-read when its modification time
    /// changes, so edits are seen even by clients that cannot watch files.
    async fn config_for(&self, path: Option<&Path>) -> Config {
        let found = path.and_then(Path::parent).and_then(workspace::find_config);
        let base = match found {
            None => Ok(Config::default()),
            Some(cfg) => {
                let mtime = std::fs::metadata(&cfg).and_then(|m| m.modified()).ok();
                let cached = lock(&self.configs)
                    .get(&cfg)
                    .filter(|(t, _)| *t == mtime)
                    .map(|(_, c)| c.clone());
                match cached {
                    Some(c) => c,
                    None => {
                        let c = workspace::load_config(&cfg);
                        lock(&self.configs).insert(cfg, (mtime, c.clone()));
                        c
                    }
                }
            }
        };
        let base = match base {
            Ok(c) => c,
            Err(e) => {
                let msg = format!("copydesk: {e} (using the defaults)");
                self.tell_once(format!("config:{e}"), MessageType::WARNING, msg)
                    .await;
                Config::default()
            }
        };
        read(&self.settings).apply(base)
    }

    /// The analysis of the document's current text: the stored one, or a new one.
    async fn analyse_now(&self, uri: &Uri) -> Result<Option<Arc<Snapshot>>> {
        if let Some(s) = lock(&self.docs).get(uri).and_then(|d| d.fresh()) {
            return Ok(Some(s));
        }
        // Wait for an analysis in flight rather than starting a second one.
        let turn = lock(&self.running).entry(uri.clone()).or_default().clone();
        let _turn = turn.lock().await;
        let (seq, text) = {
            let docs = lock(&self.docs);
            let Some(doc) = docs.get(uri) else {
                return Ok(None);
            };
            if let Some(s) = doc.fresh() {
                return Ok(Some(s));
            }
            (doc.seq, doc.rope.to_string())
        };
        let snap = self.compute(uri, seq, text).await?;
        lock(&self.docs).store(uri, snap.clone());
        Ok(Some(snap))
    }

    /// Checks `text` through the engine off the request loop, panics caught.
    async fn compute(&self, uri: &Uri, seq: u64, text: String) -> Result<Arc<Snapshot>> {
        let path = uri_path(uri);
        let config = self.config_for(path.as_deref()).await;
        let max = read(&self.settings).max_bytes();
        // the index as it is now (the engine compares with other sources when it holds any)
        let engine = Engine::new(config, read(&self.ws).sources.clone());
        let key = path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let res =
            tokio::task::spawn_blocking(move || snapshot_guarded(seq, &text, &engine, &key, max))
                .await;
        match res {
            Ok(Ok(s)) => {
                if let Status::TooLarge(n) = s.status {
                    let msg = format!(
                        "copydesk: {} is {n} bytes, more than the limit of {max} bytes (maxFileBytes); it is not checked",
                        uri.as_str()
                    );
                    self.tell_once(format!("large:{}", uri.as_str()), MessageType::INFO, msg)
                        .await;
                }
                Ok(Arc::new(s))
            }
            Ok(Err(e)) => {
                self.log(MessageType::ERROR, format!("{}: {e}", uri.as_str()))
                    .await;
                Err(internal(e))
            }
            Err(e) => {
                let e = format!("{}: the analysis failed: {e}", uri.as_str());
                self.log(MessageType::ERROR, e.clone()).await;
                Err(internal(e))
            }
        }
    }

    /// Analyses the document after `delay_ms` if `seq` is still its newest version, then
    /// publishes the diagnostics if they are still the newest.
    fn schedule(self: &Arc<Self>, uri: Uri, seq: u64, delay_ms: u64) {
        let st = self.clone();
        tokio::spawn(async move {
            if delay_ms > 0 {
                tokio::time::sleep(Duration::from_millis(delay_ms)).await;
            }
            if !lock(&st.docs).is_current(&uri, seq) {
                return;
            }
            let turn = lock(&st.running).entry(uri.clone()).or_default().clone();
            let _turn = turn.lock().await;
            let text = {
                let mut docs = lock(&st.docs);
                let text = match docs.get(&uri) {
                    Some(d) if d.seq == seq => match d.fresh() {
                        Some(s) => Err(s),
                        None => Ok(d.rope.to_string()),
                    },
                    _ => return,
                };
                if text.is_ok() {
                    // The stored analysis is of an older text: free it before building the next.
                    docs.forget(&uri);
                }
                text
            };
            let snap = match text {
                Err(s) => s,
                Ok(text) => match st.compute(&uri, seq, text).await {
                    Ok(s) => s,
                    Err(_) => return,
                },
            };
            if !lock(&st.docs).store(&uri, snap.clone()) {
                return;
            }
            st.fetch_archive(&snap);
            if st.mode() != DiagnosticsMode::Pull {
                st.publish(&uri, &snap).await;
            }
            if snap.analysis.text.len() > TRIM_AFTER_BYTES {
                super::heap::release_freed_memory();
            }
        });
    }

    /// Loads in the background, from the shared archive (when one is configured), the articles
    /// published around the document's date, unless they are loaded; then re-checks the open
    /// documents. An archive that is down or slow costs one warning, and the editor goes on
    /// with the open documents and local files (and asks again later).
    fn fetch_archive(self: &Arc<Self>, snap: &Snapshot) {
        let Some(date) = snap.analysis.article.published.as_ref().map(|p| p.date) else {
            return;
        };
        let Some(url) = super::archive::url_of(&snap.config) else {
            return;
        };
        // a week more either side: the date the index uses may be the one the body fits
        let window = snap.config.window_days.saturating_add(7);
        let span = chrono::Duration::days(window);
        let (Some(from), Some(to)) = (date.checked_sub_signed(span), date.checked_add_signed(span))
        else {
            return;
        };
        let Some(archive) = lock(&self.archive).claim(&url, (from, to)) else {
            return;
        };
        let st = self.clone();
        tokio::spawn(async move {
            let got = tokio::time::timeout(super::archive::LOAD_BUDGET, async {
                let loaded = archive.around(&[date], window).await?;
                let mut kw: Vec<u64> = loaded
                    .summaries
                    .iter()
                    .flat_map(|s| s.keywords.iter().copied())
                    .chain(
                        read(&st.ws)
                            .sources
                            .iter()
                            .flat_map(|s| s.keywords.iter().copied()),
                    )
                    .collect();
                kw.sort_unstable();
                kw.dedup();
                let counts = archive.keyword_counts(&kw).await?;
                Ok::<_, crate::archive::Error>((loaded, counts))
            })
            .await;
            let (loaded, (n, df)) = match got {
                Ok(Ok(x)) => x,
                failed => {
                    lock(&st.archive).failed();
                    let why = match failed {
                        Ok(Err(e)) => e.to_string(),
                        _ => format!("no answer within {:?}", super::archive::LOAD_BUDGET),
                    };
                    let msg = format!(
                        "copydesk: archive {} unavailable ({why}); working from the open documents and local files",
                        archive.name()
                    );
                    // shown once per archive; every failure is in the log
                    let key = format!("archive:{}", archive.name());
                    if lock(&st.told).contains(&key) {
                        st.log(MessageType::WARNING, msg).await;
                    } else {
                        st.tell_once(key, MessageType::WARNING, msg).await;
                    }
                    return;
                }
            };
            let added = {
                let mut ws = write(&st.ws);
                let hashes: HashSet<u64> = ws.sources.iter().map(|s| s.hash).collect();
                let mut added = 0;
                for s in loaded.summaries {
                    if ws.sources.get(&s.path).is_none() && !hashes.contains(&s.hash) {
                        ws.insert(PathBuf::from(&s.path), s);
                        added += 1;
                    }
                }
                Arc::make_mut(&mut ws.sources).set_background(n, df);
                added
            };
            lock(&st.archive).loaded((from, to));
            st.log(
                MessageType::INFO,
                format!(
                    "archive {}: {added} articles from {from} to {to}",
                    archive.name()
                ),
            )
            .await;
            if added > 0 {
                st.refresh_open().await;
            }
        });
    }

    /// Publishes a snapshot's diagnostics if it is still of the newest text.
    async fn publish(&self, uri: &Uri, snap: &Snapshot) {
        let _g = self.publish_lock.lock().await;
        let version = {
            let docs = lock(&self.docs);
            match docs.get(uri) {
                Some(d) if d.seq == snap.seq => d.version,
                _ => return,
            }
        };
        let diags = diagnostics(uri, snap, self.enc());
        self.client
            .publish_diagnostics(uri.clone(), diags, Some(version))
            .await;
    }

    /// Re-analyses every open document (sources or configuration changed).
    async fn refresh_open(self: &Arc<Self>) {
        let docs: Vec<(Uri, u64)> = {
            let d = lock(&self.docs);
            d.uris()
                .into_iter()
                .filter_map(|u| d.get(&u).map(|doc| (u.clone(), doc.seq)))
                .collect()
        };
        // Forget stored analyses so the next request recomputes with the new state.
        {
            let mut d = lock(&self.docs);
            for (u, seq) in &docs {
                let _ = seq;
                let _ = d.forget(u);
            }
        }
        for (u, seq) in docs {
            self.schedule(u, seq, 0);
        }
        let (inlay, diag) = {
            let i = read(&self.init);
            (i.inlay_refresh, i.diagnostic_refresh)
        };
        let diag = diag && self.mode() != DiagnosticsMode::Push;
        // Requests to the client wait for its answer: never inside a notification handler
        // (after `exit` the answer never comes and the server could not stop).
        let client = self.client.clone();
        tokio::spawn(async move {
            if diag {
                let _ = client.workspace_diagnostic_refresh().await;
            }
            if inlay {
                let _ = client.inlay_hint_refresh().await;
            }
        });
    }

    /// Folders to index: workspace folders and configured sources.
    async fn roots(&self) -> Vec<PathBuf> {
        let folders = read(&self.init).folders.clone();
        let mut roots = folders.clone();
        let first = folders.first().cloned();
        let config = self
            .config_for(first.as_ref().map(|f| f.join("x")).as_deref())
            .await;
        for s in config.sources.iter().filter(|s| !crate::archive::is_url(s)) {
            let p = PathBuf::from(s);
            let p = match (&first, p.is_absolute()) {
                (Some(f), false) => f.join(p),
                _ => p,
            };
            if !roots.iter().any(|r| p.starts_with(r)) {
                roots.push(p);
            }
        }
        roots
    }

    /// Starts a work-done progress of `n` steps, when the client supports it and `n > 0`.
    async fn begin_progress(
        &self,
        token: String,
        title: &str,
        n: usize,
    ) -> Option<OngoingProgress<Bounded, NotCancellable>> {
        if !read(&self.init).progress || n == 0 {
            return None;
        }
        let token = NumberOrString::String(token);
        self.client
            .create_work_done_progress(token.clone())
            .await
            .ok()?;
        Some(
            self.client
                .progress(token, title.to_string())
                .with_message(format!("{title} 0/{n}"))
                .with_percentage(0)
                .begin()
                .await,
        )
    }

    /// Indexes every article under the roots in the background, reporting progress.
    async fn index_workspace(self: Arc<Self>) {
        use std::sync::atomic::Ordering;
        let gen = self.index_gen.fetch_add(1, Ordering::SeqCst) + 1;
        *lock(&self.indexing) = Some(Progress { done: 0, total: 0 });
        let roots = self.roots().await;
        let files = tokio::task::spawn_blocking(move || {
            roots
                .iter()
                .flat_map(|r| workspace::walk(r))
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let n = files.len();
        if self.index_gen.load(Ordering::SeqCst) == gen {
            *lock(&self.indexing) = Some(Progress { done: 0, total: n });
        }
        let progress = self
            .begin_progress(format!("copydesk-index-{gen}"), "Indexing sources", n)
            .await;
        let summed = self.summarize_all(&files, gen, progress.as_ref()).await;
        let Some((fresh, from_cache)) = summed else {
            if let Some(p) = progress {
                p.finish_with_message("Indexing restarted").await;
            }
            return;
        };
        // the keyword weights, once, off the request loop
        let fresh = tokio::task::spawn_blocking(move || {
            fresh.sources.prepare();
            fresh
        })
        .await
        .unwrap_or_default();
        if self.index_gen.load(Ordering::SeqCst) != gen {
            // a newer indexing run replaces this one
            if let Some(p) = progress {
                p.finish_with_message("Indexing restarted").await;
            }
            return;
        }
        let count = fresh.len();
        let was_empty = std::mem::replace(&mut *write(&self.ws), fresh).is_empty();
        // the archive's articles were not in the new view: load them again when asked
        lock(&self.archive).forget();
        *lock(&self.indexing) = None;
        if let Some(p) = progress {
            p.finish_with_message(format!(
                "Indexed {count} sources ({from_cache} unchanged, from the cache)"
            ))
            .await;
        }
        self.log(
            MessageType::INFO,
            format!("indexed {count} files ({from_cache} from the cache)"),
        )
        .await;
        if !(was_empty && count == 0) {
            self.refresh_open().await;
        }
    }

    /// Summarizes `files` in chunks off the request loop (unchanged files from the on-disk
    /// cache, as for `copydesk check`), reporting progress; `None` when a newer indexing run
    /// (generation other than `gen`) started meanwhile. Also returns how many came from the cache.
    async fn summarize_all(
        &self,
        files: &[PathBuf],
        gen: u64,
        progress: Option<&OngoingProgress<Bounded, NotCancellable>>,
    ) -> Option<(WorkspaceView, usize)> {
        use std::sync::atomic::Ordering;
        let n = files.len();
        let mut fresh = WorkspaceView::default();
        let (mut done, mut from_cache) = (0, 0);
        let mut cache = tokio::task::spawn_blocking(|| {
            crate::cache::default_path().and_then(|p| crate::cache::Cache::open(&p).ok())
        })
        .await
        .ok()
        .flatten();
        for chunk in files.chunks(100) {
            if self.index_gen.load(Ordering::SeqCst) != gen {
                return None;
            }
            let chunk = chunk.to_vec();
            let mut c = cache.take();
            let ((got, stats, failed), c) = tokio::task::spawn_blocking(move || {
                let got = catch_unwind(AssertUnwindSafe(|| {
                    crate::cache::summarize_files_reporting(&chunk, c.as_mut())
                }))
                .unwrap_or_default();
                (got, c)
            })
            .await
            .unwrap_or_default();
            for f in failed {
                self.log(
                    MessageType::WARNING,
                    format!("{}: {}", f.path.display(), f.reason),
                )
                .await;
            }
            cache = c;
            from_cache += stats.from_cache;
            done += 100.min(n - done);
            for s in got {
                fresh.insert(PathBuf::from(&s.path), s);
            }
            if self.index_gen.load(Ordering::SeqCst) == gen {
                *lock(&self.indexing) = Some(Progress { done, total: n });
            }
            if let Some(p) = progress {
                let pct = u32::try_from(done * 100 / n.max(1)).unwrap_or(100);
                p.report_with_message(format!("Indexing sources {done}/{n}"), pct)
                    .await;
            }
        }
        Some((fresh, from_cache))
    }

    /// Re-reads (or drops) one file of the index.
    async fn reindex_file(&self, path: PathBuf, deleted: bool) {
        if deleted {
            write(&self.ws).remove(&path);
            return;
        }
        let p = path.clone();
        let got = tokio::time::timeout(
            IO_TIMEOUT,
            tokio::task::spawn_blocking(move || crate::cache::summarize_file_checked(&p)),
        )
        .await;
        let got = match got {
            Ok(Ok(Ok(s))) => s,
            Ok(Ok(Err(reason))) => {
                self.log(
                    MessageType::WARNING,
                    format!("{}: {reason}", path.display()),
                )
                .await;
                None
            }
            _ => {
                self.log(
                    MessageType::WARNING,
                    format!(
                        "{}: not read within {IO_TIMEOUT:?}; skipped",
                        path.display()
                    ),
                )
                .await;
                None
            }
        };
        let mut ws = write(&self.ws);
        match got {
            Some(s) => ws.insert(path, s),
            None => ws.remove(&path),
        }
    }

    /// The analysis of a file: the open document's, or the file on disk.
    async fn analysis_of(&self, uri: &Uri) -> Result<Option<Arc<Snapshot>>> {
        if let Some(s) = self.analyse_now(uri).await? {
            return Ok(Some(s));
        }
        let Some(path) = uri_path(uri) else {
            return Ok(None);
        };
        let max = read(&self.settings).max_bytes() as u64;
        let text = read_off_loop(path.clone(), max).await;
        match text {
            Some(t) => Ok(Some(self.compute(uri, 0, t).await?)),
            None => Ok(None),
        }
    }

    async fn show_comparisons(&self, args: &[Value]) -> Result<Option<Value>> {
        let uri: Option<Uri> = args
            .first()
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse().ok());
        let pos: Option<Position> = args
            .get(1)
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        let (Some(uri), Some(pos)) = (uri, pos) else {
            return Err(Error::invalid_params(
                "copydesk.showComparisons expects [uri, {line, character}]",
            ));
        };
        let Some(snap) = self.analysis_of(&uri).await? else {
            return Ok(Some(Value::Null));
        };
        let json = args
            .get(2)
            .is_some_and(|o| o.get("format").and_then(Value::as_str) == Some("json"));
        let a = &snap.analysis;
        let off = position::offset(&a.text, a.lines(), pos, self.enc());
        let path = uri_path(&uri);
        let progress = *lock(&self.indexing);
        let ws = read(&self.ws);
        let engine = Engine::from_shared(snap.config.clone(), ws.sources.clone());
        if json {
            // the comparison as data: {subject, span, rows, progress}
            let c = comparison(a, off, &engine, path.as_ref(), &snap.summary).map(|mut c| {
                c.progress = progress;
                c.to_json()
            });
            return Ok(Some(c.unwrap_or(Value::Null)));
        }
        let md = hover_markdown(a, off, &ws, &engine, path.as_ref(), progress, &snap.summary);
        Ok(Some(md.map_or(Value::Null, Value::String)))
    }

    async fn check_workspace(self: &Arc<Self>) -> Result<Option<Value>> {
        let roots = self.roots().await;
        let files = tokio::task::spawn_blocking(move || {
            roots
                .iter()
                .flat_map(|r| workspace::walk(r))
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let (mut articles, mut findings) = (0usize, 0usize);
        let n = files.len();
        let run = self
            .check_gen
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let progress = self
            .begin_progress(format!("copydesk-check-{run}"), "Checking articles", n)
            .await;
        for (i, f) in files.into_iter().enumerate() {
            if let Some(p) = &progress {
                if i % 50 == 0 {
                    let pct = u32::try_from(i * 100 / n.max(1)).unwrap_or(100);
                    p.report_with_message(format!("Checking articles {i}/{n}"), pct)
                        .await;
                }
            }
            let Some(uri) = Uri::from_file_path(&f) else {
                continue;
            };
            let open = lock(&self.docs).get(&uri).is_some();
            let snap = match self.analysis_of(&uri).await {
                Ok(Some(s)) => s,
                _ => continue,
            };
            if snap.status == Status::Article {
                articles += 1;
                findings += snap.findings.len();
            }
            if open {
                if self.mode() != DiagnosticsMode::Pull {
                    self.publish(&uri, &snap).await;
                }
            } else {
                let d = diagnostics(&uri, &snap, self.enc());
                self.client.publish_diagnostics(uri, d, None).await;
            }
        }
        if let Some(p) = progress {
            p.finish_with_message(format!("{articles} articles, {findings} findings"))
                .await;
        }
        Ok(Some(json!({"articles": articles, "findings": findings})))
    }
}

/// Request handlers, run in their own tasks by [`guard`] so a panic is an error, not an exit.
impl State {
    async fn hover_impl(self: Arc<Self>, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some(snap) = self.analyse_now(&p.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.enc();
        let a = &snap.analysis;
        let off = position::offset(&a.text, a.lines(), p.position, enc);
        let path = uri_path(&p.text_document.uri);
        let progress = *lock(&self.indexing);
        let md = {
            let ws = read(&self.ws);
            // the document's own analysis and configuration, with the index as it is now
            let engine = Engine::from_shared(snap.config.clone(), ws.sources.clone());
            hover_markdown(a, off, &ws, &engine, path.as_ref(), progress, &snap.summary)
        };
        let Some(md) = md else {
            return Ok(None);
        };
        let range = date_at(a, off)
            .map(|t| position::range(&a.text, a.lines(), t.span.start, t.span.end, enc));
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md,
            }),
            range,
        }))
    }

    async fn code_action_impl(
        self: Arc<Self>,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.analyse_now(&uri).await? else {
            return Ok(None);
        };
        let enc = self.enc();
        let a = &snap.analysis;
        let start = position::offset(&a.text, a.lines(), params.range.start, enc);
        let end = position::offset(&a.text, a.lines(), params.range.end, enc);
        let lang = lock(&self.docs)
            .get(&uri)
            .map(|d| d.language_id.clone())
            .unwrap_or_default();
        let md = is_markdown(&uri, &lang);
        let actions = code_actions(
            &uri,
            &snap,
            Span::new(start.min(end), start.max(end)),
            md,
            enc,
        );
        Ok(Some(actions))
    }

    async fn inlay_hint_impl(
        self: Arc<Self>,
        params: InlayHintParams,
    ) -> Result<Option<Vec<InlayHint>>> {
        let Some(snap) = self.analyse_now(&params.text_document.uri).await? else {
            return Ok(None);
        };
        if !snap.inlay_hints || snap.status != Status::Article {
            return Ok(Some(Vec::new()));
        }
        let enc = self.enc();
        let a = &snap.analysis;
        let start = position::offset(&a.text, a.lines(), params.range.start, enc);
        let end = position::offset(&a.text, a.lines(), params.range.end, enc);
        Ok(Some(inlay_hints(
            a,
            Span::new(start.min(end), start.max(end)),
            enc,
        )))
    }

    async fn document_symbol_impl(
        self: Arc<Self>,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(snap) = self.analyse_now(&params.text_document.uri).await? else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(document_symbols(
            &snap.analysis,
            self.enc(),
        ))))
    }

    async fn diagnostic_impl(
        self: Arc<Self>,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = match self.analysis_of(&uri).await? {
            Some(snap) => diagnostics(&uri, &snap, self.enc()),
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn execute_command_impl(
        self: Arc<Self>,
        params: ExecuteCommandParams,
    ) -> Result<Option<LSPAny>> {
        match params.command.as_str() {
            "copydesk.showComparisons" => self.show_comparisons(&params.arguments).await,
            "copydesk.checkWorkspace" => self.check_workspace().await,
            "copydesk.debugText" => {
                let uri: Option<Uri> = params
                    .arguments
                    .first()
                    .and_then(|v| v.as_str())
                    .and_then(|s| s.parse().ok());
                let text = uri.and_then(|u| lock(&self.docs).text(&u).map(|t| t.1));
                Ok(Some(text.map_or(Value::Null, Value::String)))
            }
            #[cfg(debug_assertions)]
            "copydesk.debugPanic" if std::env::var_os("COPYDESK_LSP_TEST_PANIC").is_some() => {
                panic!("test panic requested in a handler")
            }
            other => Err(Error::invalid_params(format!("unknown command {other}"))),
        }
    }
}

/// How long one file read may take before the server gives up on it (a FIFO, a slow mount).
const IO_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Reads a file on the blocking pool with a size limit and a timeout: a FIFO, a device or a
/// slow mount never holds a request (the read runs on, detached, and its result is dropped).
async fn read_off_loop(path: PathBuf, max: u64) -> Option<String> {
    let job = tokio::task::spawn_blocking(move || workspace::read_text_limited(&path, max).ok());
    tokio::time::timeout(IO_TIMEOUT, job)
        .await
        .ok()
        .and_then(|r| r.ok())
        .flatten()
}

/// Runs a request handler in its own task: a panic becomes an error response (and a log
/// line) instead of taking the server down.
async fn guard<T: Send + 'static>(
    st: &Arc<State>,
    what: &str,
    fut: impl std::future::Future<Output = Result<T>> + Send + 'static,
) -> Result<T> {
    match tokio::spawn(fut).await {
        Ok(r) => r,
        Err(e) => {
            let msg = format!("{what} failed: {e}");
            st.log(MessageType::ERROR, msg.clone()).await;
            Err(internal(msg))
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let init = Init::from_params(&params);
        let enc = init.enc;
        let mut problems = Vec::new();
        if let Some(opts) = &params.initialization_options {
            let (s, p) = Settings::from_json(opts);
            *write(&self.st.settings) = s;
            problems = p;
        }
        *write(&self.st.init) = init;
        for p in problems {
            self.st
                .log(MessageType::WARNING, format!("initializationOptions: {p}"))
                .await;
        }
        Ok(InitializeResult {
            capabilities: capabilities(enc, self.st.mode() != DiagnosticsMode::Push),
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let init = read(&self.st.init).clone();
        self.st
            .log(
                MessageType::INFO,
                format!(
                    "copydesk {} ready (positions in {:?}, folders {:?})",
                    env!("CARGO_PKG_VERSION"),
                    init.enc,
                    init.folders
                ),
            )
            .await;
        if init.watch_dynamic {
            let opts = json!({"watchers": [
                {"globPattern": "**/*.{md,markdown,txt}"},
                {"globPattern": "**/.copydesk.toml"}
            ]});
            let reg = Registration {
                id: "copydesk-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(opts),
            };
            // In its own task: a notification handler must not wait for the client's answer.
            let st = self.st.clone();
            tokio::spawn(async move {
                if let Err(e) = st.client.register_capability(vec![reg]).await {
                    st.log(MessageType::WARNING, format!("cannot watch files: {e}"))
                        .await;
                }
            });
        }
        tokio::spawn(self.st.clone().index_workspace());
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.st.log(MessageType::INFO, "shutting down").await;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let mut d = params.text_document;
        self.st.parcels.restore(&mut d.text);
        let seq = lock(&self.st.docs).open(d.uri.clone(), &d.text, d.version, &d.language_id);
        self.st.schedule(d.uri, seq, 0);
    }

    async fn did_change(&self, mut params: DidChangeTextDocumentParams) {
        // Applied synchronously, before any await: edits are never reordered.
        for c in &mut params.content_changes {
            self.st.parcels.restore(&mut c.text);
        }
        let enc = self.st.enc();
        let uri = params.text_document.uri;
        let seq = lock(&self.st.docs).change(
            &uri,
            params.text_document.version,
            &params.content_changes,
            enc,
        );
        match seq {
            Some(seq) => {
                let delay = read(&self.st.settings).debounce();
                self.st.schedule(uri, seq, delay);
            }
            None => {
                self.st
                    .log(
                        MessageType::WARNING,
                        format!("didChange for {} which is not open", uri.as_str()),
                    )
                    .await
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.st.docs).close(&uri);
        lock(&self.st.running).remove(&uri);
        // the closed document's rope and analysis are freed: give the pages back (#19: a
        // 30 MB document held 174 MB after it was closed until the next large analysis)
        tokio::task::spawn_blocking(super::heap::release_freed_memory);
        if self.st.mode() != DiagnosticsMode::Pull {
            let _g = self.st.publish_lock.lock().await;
            self.st
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let (s, problems) = Settings::from_json(&params.settings);
        let sources_changed = {
            let mut cur = write(&self.st.settings);
            let next = cur.merged(s);
            let changed = cur.sources != next.sources;
            *cur = next;
            changed
        };
        for p in problems {
            self.st
                .client
                .show_message(MessageType::WARNING, format!("copydesk settings: {p}"))
                .await;
        }
        if sources_changed {
            tokio::spawn(self.st.clone().index_workspace());
        } else {
            self.st.refresh_open().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut init = write(&self.st.init);
            for f in &params.event.removed {
                if let Some(p) = uri_path(&f.uri) {
                    init.folders.retain(|x| *x != p);
                }
            }
            for f in &params.event.added {
                if let Some(p) = uri_path(&f.uri) {
                    init.folders.push(p);
                }
            }
        }
        tokio::spawn(self.st.clone().index_workspace());
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut any = false;
        for ch in params.changes {
            let Some(path) = uri_path(&ch.uri) else {
                continue;
            };
            if path
                .file_name()
                .is_some_and(|n| n == workspace::CONFIG_FILE)
            {
                lock(&self.st.configs).clear();
                any = true;
            } else if workspace::has_article_extension(&path) {
                self.st
                    .reindex_file(path, ch.typ == FileChangeType::DELETED)
                    .await;
                any = true;
            }
        }
        if any {
            self.st.refresh_open().await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let st = self.st.clone();
        guard(
            &self.st,
            "hover",
            async move { st.hover_impl(params).await },
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let st = self.st.clone();
        guard(&self.st, "code_action", async move {
            st.code_action_impl(params).await
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let st = self.st.clone();
        guard(&self.st, "inlay_hint", async move {
            st.inlay_hint_impl(params).await
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let st = self.st.clone();
        guard(&self.st, "document_symbol", async move {
            st.document_symbol_impl(params).await
        })
        .await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let st = self.st.clone();
        guard(&self.st, "diagnostic", async move {
            st.diagnostic_impl(params).await
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let st = self.st.clone();
        guard(&self.st, "execute_command", async move {
            st.execute_command_impl(params).await
        })
        .await
    }
}
