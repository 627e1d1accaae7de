//! The language-server shell: `copydesk lsp` over stdio (tower-lsp-server).
//!
//! Thin by design: documents are ropes ([`documents`]), positions are converted in
//! [`position`], and every feature converts the core's data ([`crate::Analysis`], findings)
//! to protocol types. Analyses run off the request loop and are versioned so a stale result is
//! never published.

pub mod actions;
pub mod analyse;
pub mod archive;
pub mod diagnostics;
pub mod documents;
pub mod heap;
pub mod hover;
pub mod outline;
pub mod parcels;
pub mod position;
pub mod server;
pub mod settings;
pub mod timeline;
pub mod transport;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tower_lsp_server::{LspService, Server};

/// Runs the server on standard input and output until the client says `exit` (or closes
/// standard input).
pub fn run(log_file: Option<PathBuf>) -> ExitCode {
    let file = match &log_file {
        None => None,
        Some(p) => match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
        {
            Ok(f) => Some(f),
            Err(e) => {
                eprintln!("copydesk: --log-file {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
    };
    heap::configure();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(8)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let read_flag = shut_down.clone();
    let parcels = parcels::Parcels::default();
    let taken = parcels.clone();
    rt.block_on(async move {
        let (service, socket) =
            LspService::new(move |client| server::Backend::new(client, file, flag, taken));
        // Requests waiting on a slow analysis (a huge file) must not stop the server from
        // reading the next edits: allow many handlers in flight (the default is 4).
        // tower-lsp reads from and writes to in-memory pipes; the framing layer
        // ([`transport`]) sits between them and the real stdio so a bad frame is answered
        // and reading goes on.
        let (server_in, pump_in) = tokio::io::duplex(1 << 16);
        let (server_out, pump_out) = tokio::io::duplex(1 << 16);
        let (out_tx, out_rx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(transport::pump_input(
            tokio::io::stdin(),
            pump_in,
            out_tx.clone(),
            parcels,
            read_flag,
        ));
        let from_server = tokio::spawn(transport::pump_server_output(pump_out, out_tx));
        let writer = tokio::spawn(transport::write_output(tokio::io::stdout(), out_rx));
        Server::new(server_in, server_out, socket)
            .concurrency_level(64)
            .serve(service)
            .await;
        // The last answers (to `shutdown`) still reach standard output.
        let _ = from_server.await;
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), writer).await;
    });
    // Do not wait for stray blocking analyses: exit now.
    rt.shutdown_background();
    // Per the specification: 0 after `shutdown`, 1 when the client exits (or disappears) without it.
    if shut_down.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
