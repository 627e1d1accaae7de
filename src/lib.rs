#![warn(missing_docs)]
//! copydesk: the copy desk's fact-checks for news articles.
//!
//! The analysis core ([`article`], [`time`], [`figures`], [`rules`], [`suppress`], [`sources`]) is plain
//! synchronous Rust over `&str` with byte spans; the [`engine`] is its one entry point. The
//! shells ([`cli`], [`lsp`]) do I/O and convert spans to lines and columns. See ARCHITECTURE.md.

pub mod analysis;
pub mod article;
pub mod bench;
pub mod cache;
pub mod cli;
pub mod config;
pub mod engine;
pub mod entities;
pub mod escape;
pub mod figures;
pub mod lexicon;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod sources;
pub mod suppress;
pub mod text;
pub mod time;
pub mod workspace;

pub use analysis::Analysis;
