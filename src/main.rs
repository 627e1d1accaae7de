//! The `copydesk` binary.

fn main() -> std::process::ExitCode {
    copydesk::cli::main()
}
